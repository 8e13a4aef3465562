#!/usr/bin/env bash
# The project's layout: clang-format (.clang-format) for our C++ and Prettier (.prettierrc.json,
# .prettierignore) for TypeScript, scripts, CSS, HTML and JSON.
#   bash scripts/format.sh          rewrites every file in place (npm run format)
#   bash scripts/format.sh --check  changes nothing; lists each file that differs and fails
#                                   (npm test runs this)
set -uo pipefail
cd "$(dirname "$0")/.."

mode=write
case "${1:-}" in
  --check) mode=check ;;
  "") ;;
  *) echo "usage: bash scripts/format.sh [--check]" >&2; exit 2 ;;
esac

# Tracked files only, so build output and other people's code never count.
mapfile -t cpp_files < <(git ls-files 'cpp/*.cpp' 'cpp/*.hpp' 'tests/cpp/*.cpp' 'tests/cpp/*.hpp' 'tests/fuzz/*.cpp' 'tests/fuzz/*.hpp')
prettier_globs=('web/**/*.{ts,css,html}' 'tests/**/*.{ts,mjs}' 'scripts/**/*.{ts,mjs}' '*.{ts,json}')

status=0
if [ "$mode" = check ]; then
  if ! clang-format --dry-run -Werror "${cpp_files[@]}" 2>/tmp/clang-format-check.$$; then
    grep -o '^[^:]*:[0-9]*:[0-9]*: error' /tmp/clang-format-check.$$ | cut -d: -f1 | sort -u |
      sed 's/^/  not formatted (clang-format): /'
    status=1
  fi
  rm -f /tmp/clang-format-check.$$
  npx prettier --check --log-level warn "${prettier_globs[@]}" || status=1
  [ $status -ne 0 ] && echo "format: run 'npm run format' to lay these files out"
else
  clang-format -i "${cpp_files[@]}" || status=1
  npx prettier --write --log-level warn "${prettier_globs[@]}" || status=1
fi
exit $status
