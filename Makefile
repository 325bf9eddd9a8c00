# Two commands a newcomer needs (each installs libpcre2-dev first when it is missing):
#   make demo   check the bundled example posts with the embedded default rule pack
#   make test   run the whole test suite
.PHONY: deps demo test build release bench

deps:
	@bash scripts/ensure-deps.sh

build: deps
	swift build

# netral exits 1 when something is flagged, as grep does; for the demo that is success.
demo: deps
	swift run -q netral check Examples/data/posts.jsonl --format text; status=$$?; [ $$status -le 1 ]

test: deps
	swift test --disable-xctest

release: deps
	swift build -c release
