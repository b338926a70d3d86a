# The two commands of the README. Both set up everything first (scripts/bootstrap.sh).
.PHONY: demo test install bench lint clean

demo:
	sh scripts/bootstrap.sh demo $(ARGS)

test:
	sh scripts/bootstrap.sh test -q $(ARGS)

install:
	sh scripts/bootstrap.sh install

bench: install
	.venv/bin/python bench/run.py $(ARGS)

lint:
	.venv/bin/ruff check .

clean:
	rm -rf .venv build dist *.egg-info reports/*/
