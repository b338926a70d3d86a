# The README's commands. Each sets up what it needs first (scripts/bootstrap.sh); test-fast needs no browser.
.PHONY: demo test test-fast install bench lint clean

demo:
	sh scripts/bootstrap.sh demo $(ARGS)

test:
	sh scripts/bootstrap.sh test -q $(ARGS)

# every test that needs no browser (set-up without one); a browser launch fails the test that tries it
test-fast:
	sh scripts/bootstrap.sh test-fast -q $(ARGS)

install:
	sh scripts/bootstrap.sh install

bench: install
	.venv/bin/python bench/run.py $(ARGS)

lint:
	.venv/bin/ruff check .

clean:
	rm -rf .venv build dist *.egg-info reports/*/
