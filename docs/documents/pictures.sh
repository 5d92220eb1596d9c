#!/bin/sh
# The pictures of the documents' first pages on these pages: Vidora's (the fictional example)
# Ofcom record and eSafety notice skeleton, printed to PDF by LibreOffice, page 1 as a PNG.
# Run from the repository root after changing how a document is laid out:
#   sh docs/documents/pictures.sh
set -eu
out=docs/documents/pictures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for format in ofcom-record esafety-notice; do
  CSEA_TODAY=2026-11-20 .venv/bin/csea export examples/vidora/assessment.yaml \
    --format "$format" -o "$work/$format.docx" >/dev/null
  soffice "-env:UserInstallation=file://$work/profile-$format" --headless --norestore \
    --convert-to pdf --outdir "$work" "$work/$format.docx" >/dev/null 2>&1
  test -f "$work/$format.pdf"   # soffice exits 0 even when it wrote nothing
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/$format.pdf" "$out/$format-page-1"
done
