// The benchmark scripts' command-line options: `--name value` pairs, each a name the script
// declares. A mistyped or unknown option stops the script with a message that names the options
// it takes, instead of being ignored: a run of a quarter of an hour measured with the default
// settings by mistake is worse than no run.

/**
 * Reads `argv` (default: this process's arguments) for `script` (its name in messages), which
 * takes the options `names`. Returns `opt(name, fallback)`: the value given, else `fallback`.
 * A value may itself start with "--" (`--js-flags --no-wasm-tier-up`): options come in pairs.
 */
export function readOptions(script, names, argv = process.argv.slice(2)) {
  const fail = (message) => {
    console.error(`${script}: ${message}; it takes ${names.map((n) => `--${n} VALUE`).join(', ')} (bench/README.md)`);
    process.exit(2);
  };
  const values = new Map();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    if (name === null || !names.includes(name)) fail(`unknown option ${JSON.stringify(argv[i])}`);
    if (argv[i + 1] === undefined) fail(`--${name} needs a value`);
    values.set(name, argv[i + 1]);
  }
  return (name, fallback) => {
    if (!names.includes(name)) throw new Error(`${script} reads --${name} but does not declare it`);
    return values.get(name) ?? fallback;
  };
}
