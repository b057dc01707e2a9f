# Sourced by scripts/test.sh and scripts/demo.sh: install strikeledger with what the tests need.
# Idempotent: a second run installs nothing new.
python3 -m pip install -q --disable-pip-version-check -e '.[all,dev]'
