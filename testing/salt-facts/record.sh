#!/usr/bin/env bash
# Records what real Salt does with the values the validator decides on: the words `test=` takes
# as true or false, and how state functions take arguments of another type. Salt runs in test
# mode only (test=True), or on test.succeed_with_changes, which changes nothing either way.
# Usage: testing/salt-facts/record.sh [SALT_CALL]   (writes testing/salt-facts/*.json)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
salt=${1:-/work/shared/salt/salt-call}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/roots"
cp "$here"/states/*.sls "$work/roots/"

call() { "$salt" --file-root "$work/roots" -- --out json "$@" 2>/dev/null; }

# test=WORD: a result of null is a test run, true a real one.
{
    echo '{'
    first=1
    for word in True False true false TRUE FALSE yes no Yes NO on off On OFF y n 1 0 Ture tets maybe '[' ''; do
        result=$(call state.apply probe-test "test=$word" | python3 -c \
            'import json,sys; d=json.load(sys.stdin)["local"]; print(json.dumps(next(iter(d.values()))["result"]) if isinstance(d, dict) else json.dumps(d))')
        [ $first = 1 ] || echo ','
        first=0
        printf '  %s: %s' "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$word")" "$result"
    done
    echo
    echo '}'
} > "$here/test-words.json"

# Arguments of another type, in test mode: each state's result and comment.
call state.apply probe-types test=True | python3 -c '
import json, sys
d = json.load(sys.stdin)["local"]
out = {}
for key, r in sorted(d.items(), key=lambda kv: kv[1].get("__run_num__", 0) if isinstance(kv[1], dict) else 0):
    out[r["__id__"]] = {"result": r["result"], "comment": r["comment"]}
json.dump(out, sys.stdout, indent=2, sort_keys=True)
print()' > "$here/argument-types.json"
