//! Reading the file formats' serde types from a parsed JSON tree ([`serde_json::Value`]), with
//! the JSON path of the first problem (`sections[2].questions[0].type`).
//!
//! Why not `serde_path_to_error`: it wraps a deserializer and every visitor passing through it,
//! so every format type was compiled a second time with those wrappers (74 KiB of the app's
//! wasm). Here the path is kept by the tree's own map and list access and added to the error
//! as it travels up, which costs nothing while the file is fine. The errors are serde_json's
//! own (`invalid type: null, expected a string`), and the path is written as
//! `serde_path_to_error` wrote it, so the messages that authors and tests know stay the same.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value as Json};
use std::cell::RefCell;

/// Reads `T` from a JSON tree; on failure the error names where.
pub(crate) fn from_tree<T: DeserializeOwned>(value: &Json) -> Result<T, PathError> {
    let track = Track::default();
    T::deserialize(Tree { value, track: &track })
        .map_err(|error| PathError { reversed: track.0.into_inner(), message: error.to_string() })
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A member of an object (or the variant of an enum written as `{"variant": …}`).
    Key(String),
    /// An item of a list.
    Index(usize),
}

/// What is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PathError {
    /// From the innermost step out; [`PathError::path`] gives them from the root.
    reversed: Vec<Segment>,
    /// serde_json's message.
    message: String,
}

impl PathError {
    /// The path from the root.
    pub(crate) fn path(&self) -> impl Iterator<Item = &Segment> {
        self.reversed.iter().rev()
    }

    /// The path as text: `a.b[2].c`, or `.` for the value itself.
    pub(crate) fn path_text(&self) -> String {
        if self.reversed.is_empty() {
            return ".".to_owned();
        }
        let mut out = String::new();
        for segment in self.path() {
            match segment {
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// serde_json's message, without the path.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

/// The steps an error passed on its way out, innermost first. The error type stays
/// serde_json's, so that serde's generic code for that error type (buffered untagged and
/// tagged enums) is shared with the readers of JSON text, and the messages are serde_json's.
#[derive(Default)]
struct Track(RefCell<Vec<Segment>>);

impl Track {
    /// Adds the step to an error passing out. The step is made only then: a member's key was
    /// copied for every member read (two copies each), which was a fifth of the allocations
    /// of a questionnaire's load.
    fn mark<'a, E>(&'a self, segment: impl FnOnce() -> Segment + 'a) -> impl FnOnce(E) -> E + 'a {
        move |error| {
            self.0.borrow_mut().push(segment());
            error
        }
    }
}

type Error = serde_json::Error;

fn unexpected(value: &Json) -> Unexpected<'_> {
    match value {
        Json::Null => Unexpected::Unit,
        Json::Bool(b) => Unexpected::Bool(*b),
        Json::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => Unexpected::Str(s),
        Json::Array(_) => Unexpected::Seq,
        Json::Object(_) => Unexpected::Map,
    }
}

/// A JSON value as a serde deserializer.
#[derive(Clone, Copy)]
struct Tree<'de, 't> {
    value: &'de Json,
    track: &'t Track,
}

impl<'de, 't> Tree<'de, 't> {
    fn at(&self, value: &'de Json) -> Tree<'de, 't> {
        Tree { value, track: self.track }
    }

    fn invalid_type<V: Visitor<'de>>(self, visitor: &V) -> Error {
        de::Error::invalid_type(unexpected(self.value), visitor)
    }

    fn list<V: Visitor<'de>>(self, items: &'de [Json], visitor: V) -> Result<V::Value, Error> {
        let mut access = List { items: items.iter(), index: 0, track: self.track };
        let value = visitor.visit_seq(&mut access)?;
        if access.items.len() == 0 {
            Ok(value)
        } else {
            Err(de::Error::invalid_length(items.len(), &"fewer elements in array"))
        }
    }

    fn object<V: Visitor<'de>>(self, object: &'de Map<String, Json>, visitor: V) -> Result<V::Value, Error> {
        let mut access = Object { members: object.iter(), value: None, track: self.track };
        let value = visitor.visit_map(&mut access)?;
        if access.members.len() == 0 {
            Ok(value)
        } else {
            Err(de::Error::invalid_length(object.len(), &"fewer elements in map"))
        }
    }
}

impl<'de> Deserializer<'de> for Tree<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(*b),
            Json::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Json::String(s) => visitor.visit_borrowed_str(s),
            Json::Array(items) => self.list(items, visitor),
            Json::Object(object) => self.object(object, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Json::String(variant) => visitor.visit_enum(BorrowedStrDeserializer::<Error>::new(variant)),
            Json::Object(object) => {
                let mut members = object.iter();
                match (members.next(), members.next()) {
                    (Some((variant, value)), None) => visitor.visit_enum(Variant { variant, value: self.at(value) }),
                    _ => Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            other => Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Json::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Json::Array(items) => self.list(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Json::Object(object) => self.object(object, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Objects only. serde_json also reads a struct from a list of its fields in order, which
        // no file format here uses; allowing it made every derived reader carry a second one,
        // for lists (half of the questions' reader, which runs 2,000 times per load).
        match self.value {
            Json::Object(object) => self.object(object, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        tuple tuple_struct
    }
}

/// The items of a list; an error is marked with its item's index.
struct List<'de, 't> {
    items: std::slice::Iter<'de, Json>,
    index: usize,
    track: &'t Track,
}

impl<'de> SeqAccess<'de> for List<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Tree { value, track: self.track }).map(Some).map_err(self.track.mark(|| Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of an object; an error is marked with its member's key.
struct Object<'de, 't> {
    members: serde_json::map::Iter<'de>,
    value: Option<(&'de String, &'de Json)>,
    track: &'t Track,
}

impl<'de> MapAccess<'de> for Object<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        // An unknown field is reported at its own key.
        seed.deserialize(BorrowedStrDeserializer::<Error>::new(key))
            .map(Some)
            .map_err(self.track.mark(|| Segment::Key(key.clone())))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some((key, value)) => seed
                .deserialize(Tree { value, track: self.track })
                .map_err(self.track.mark(|| Segment::Key(key.clone()))),
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// An enum written as `{"variant": value}`.
struct Variant<'de, 't> {
    variant: &'de String,
    value: Tree<'de, 't>,
}

impl<'de, 't> de::EnumAccess<'de> for Variant<'de, 't> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant = seed.deserialize(BorrowedStrDeserializer::<Error>::new(self.variant))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        serde::Deserialize::deserialize(self.value).map_err(self.mark())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.value).map_err(self.mark())
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.value.value {
            Json::Array(items) if items.is_empty() => visitor.visit_unit(),
            Json::Array(items) => self.value.list(items, visitor).map_err(self.mark()),
            other => Err(de::Error::invalid_type(unexpected(other), &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.value.value {
            Json::Object(object) => self.value.object(object, visitor).map_err(self.mark()),
            other => Err(de::Error::invalid_type(unexpected(other), &"struct variant")),
        }
    }
}

impl Variant<'_, '_> {
    fn mark(&self) -> impl FnOnce(Error) -> Error + '_ {
        self.value.track.mark(|| Segment::Key(self.variant.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        #[serde(default)]
        note: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        count: u32,
    }

    fn problem(json: &str) -> String {
        let value: Json = serde_json::from_str(json).unwrap();
        let error = from_tree::<Outer>(&value).unwrap_err();
        format!("{}: {}", error.path_text(), error.message())
    }

    #[test]
    fn a_problem_is_named_at_its_path_in_serde_json_s_words() {
        assert_eq!(
            problem(r#"{"items": [{"count": 1}, {"count": -1}]}"#),
            "items[1].count: invalid value: integer `-1`, expected u32"
        );
        assert_eq!(
            problem(r#"{"items": [{"count": 1, "cont": 2}]}"#),
            "items[0].cont: unknown field `cont`, expected `count`"
        );
        assert_eq!(
            problem(r#"{"items": [], "note": null, "x": 1}"#),
            "x: unknown field `x`, expected `items` or `note`"
        );
        assert_eq!(problem(r#"{"items": [{"count": null}]}"#), "items[0].count: invalid type: null, expected u32");
        assert_eq!(
            problem(r#"{"items": [{"count": 1.5}]}"#),
            "items[0].count: invalid type: floating point `1.5`, expected u32"
        );
        assert_eq!(problem(r#"{"note": "x"}"#), ".: missing field `items`");
        assert_eq!(problem(r#"{"items": {}}"#), "items: invalid type: map, expected a sequence");
        // serde_json would read a struct from a list of its fields; no format here is written so.
        assert_eq!(problem(r#"{"items": [[1]]}"#), "items[0]: invalid type: sequence, expected struct Inner");
    }

    #[test]
    fn the_messages_are_those_of_serde_json_s_own_reader() {
        for json in [r#"{"items": [{"count": "1"}]}"#, r#"{"items": [7]}"#, r#""text""#] {
            let value: Json = serde_json::from_str(json).unwrap();
            let ours = from_tree::<Outer>(&value).unwrap_err().message().to_owned();
            let theirs = Outer::deserialize(&value).unwrap_err().to_string();
            assert_eq!(ours, theirs, "{json}");
        }
    }
}
