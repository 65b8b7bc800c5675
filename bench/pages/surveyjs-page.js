// The SurveyJS side of the benchmark: what a web developer writes to show a questionnaire with
// survey-core + survey-js-ui. Loads the JSON named by ?questionnaire=<url> and renders it with
// SurveyJS's defaults; the JSON itself sets textUpdateMode "onTyping" and checkErrorsMode
// "onValueChanged" (bench/generate.mjs), as Bogen takes text while typing and checks on change.
(async () => {
  const url = new URLSearchParams(location.search).get('questionnaire');
  const response = await fetch(url);
  const json = await response.json();
  const survey = new Survey.Model(json);
  // For the benchmark's probes only (finding a question's input by name); SurveyJS never reads it.
  window.survey = survey;
  SurveyUI.renderSurvey(survey, document.getElementById('surveyElement'));
})();
