#!/usr/bin/env bash
# Makes a paper file from a "Submit a paper" issue (.github/ISSUE_TEMPLATE/submit-paper.yml):
#
#   ISSUE_BODY="$(cat issue.md)" DIGESTSITE_DLL=path/to/digestsite.dll bash .github/scripts/submit-paper.sh
#
# The issue's text is untrusted. It arrives only in the environment variable ISSUE_BODY (the
# workflow never writes it into a script); each field must match a strict pattern before it is
# passed to digestsite, as one argument; the summary is only ever written into the file, as data.
# `digestsite new` fetches the paper's details, the summary is appended, and `digestsite check`
# must pass. Prints the file's path, and writes it to $GITHUB_OUTPUT as file=PATH when that is set.
# CONTENT names the content folder (default: content).
set -euo pipefail
export LC_ALL=C

fail() { echo "error: $*" >&2; exit 1; }

[[ -n ${ISSUE_BODY-} ]] || fail "ISSUE_BODY is empty: give the issue's text."
[[ -n ${DIGESTSITE_DLL-} && -f $DIGESTSITE_DLL ]] || fail "DIGESTSITE_DLL must name the built digestsite.dll."
content=${CONTENT:-content}
body=${ISSUE_BODY//$'\r'/}

# The text under the heading "### NAME" of the form, up to the next "### " heading; the summary,
# the form's last field, runs to the end (a "### " line inside it stays part of it).
section() {
  awk -v heading="### $1" -v to_end="${2:-}" '
    !inside && $0 == heading { inside = 1; next }
    inside && to_end == "" && /^### / { exit }
    inside { print }' <<<"$body"
}

# A one-line field: its one non-empty line, or nothing when left empty ("_No response_").
field() {
  local text
  text=$(section "$1" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d')
  [[ $text == "_No response_" ]] && text=""
  [[ $text != *$'\n'* ]] || fail "\"$1\" must be one line."
  printf '%s' "$text"
}

arxiv=$(field "arXiv id")
doi=$(field "DOI")
date=$(field "Issue date")
topics=$(field "Topics")
summary=$(section "Summary" to-end | sed -e '/./,$!d')   # without the blank lines around it ($(…) drops those after)

# Links people paste are accepted for the id alone.
arxiv=${arxiv#https://arxiv.org/abs/}; arxiv=${arxiv#arXiv:}
doi=${doi#https://doi.org/}; doi=${doi#doi:}

arxiv_pattern='^([0-9]{4}\.[0-9]{4,5}|[a-z]+(-[a-z]+)*(\.[A-Z]{2})?/[0-9]{7})(v[1-9][0-9]*)?$'
doi_pattern='^10\.[0-9]+(\.[0-9]+)*/[!-~]+$'
date_pattern='^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
topic_pattern='^[a-z0-9][a-z0-9.-]*$'

args=(new --content "$content")
if [[ -n $arxiv && -n $doi ]]; then fail "give the arXiv id or the DOI, not both."
elif [[ -n $arxiv ]]; then [[ $arxiv =~ $arxiv_pattern ]] || fail "the arXiv id is not one (such as 2401.04088 or hep-th/9901001)."; args+=(--arxiv "$arxiv")
elif [[ -n $doi ]]; then [[ $doi =~ $doi_pattern ]] || fail "the DOI is not one (such as 10.1145/3292500.3330701)."; args+=(--doi "$doi")
else fail "give the paper's arXiv id or its DOI."
fi
[[ $date =~ $date_pattern ]] || fail "the issue date must be written YYYY-MM-DD."
args+=(--date "$date")
[[ -n $topics ]] || fail "choose at least one topic."
IFS=',' read -r -a chosen <<<"$topics"
for topic in "${chosen[@]}"; do
  topic=${topic# }
  [[ $topic =~ $topic_pattern ]] || fail "a topic is not one of the digest's topic slugs."
  args+=(--topic "$topic")
done
[[ -n $summary && $summary != "_No response_" ]] || fail "the summary is empty: write a few sentences about the paper."

written=$(dotnet "$DIGESTSITE_DLL" "${args[@]}") || fail "digestsite new did not write the paper (see its error above)."
echo "$written"
file=$(sed -n 's/^Wrote \(.*\.md\)\. Write the summary.*/\1/p' <<<"$written")
[[ $file =~ ^[A-Za-z0-9._/-]+/issues/[0-9]{4}-[0-9]{2}-[0-9]{2}/[a-z0-9][a-z0-9.-]*\.md$ && -f $file ]] \
  || fail "digestsite new did not say which file it wrote."
printf '%s\n' "$summary" >>"$file"
dotnet "$DIGESTSITE_DLL" check --content "$content" || fail "the new paper does not pass digestsite check (see above)."

echo "$file"
if [[ -n ${GITHUB_OUTPUT-} ]]; then echo "file=$file" >>"$GITHUB_OUTPUT"; fi
