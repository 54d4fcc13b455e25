# The two commands of the README: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Extra flags for `swift build`/`swift test` in `make test`, e.g. SWIFT_FLAGS="--scratch-path .build-mine".
SWIFT_FLAGS ?=
EVENTMAP = .build/release/eventmap

.PHONY: demo test build release clean preview

# The demo's PDF and PNG maps need rsvg-convert and DejaVu Sans: installed here when possible, else reported.
demo: release
	Scripts/setup --demo
	$(EVENTMAP) demo

# The PostGIS tests run against a throwaway server (Scripts/test-postgres), started here and stopped on exit.
test:
	Scripts/setup --test
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	mkdir -p .build
	set -o pipefail; server=$$(Scripts/test-postgres start) && eval "$$server" \
		|| echo "make test: WARNING: no PostgreSQL test server; the PostGIS tests will be SKIPPED" >&2; \
		trap 'Scripts/test-postgres stop' EXIT; \
		$(SWIFT) test $(SWIFT_FLAGS) 2>&1 | tee .build/test-output.log; status=$$?; \
		Scripts/test-summary .build/test-output.log; exit $$status

# The map shown in the README: Output/preview/map.svg and map.png (needs rsvg-convert: Scripts/setup --test).
preview: release
	$(EVENTMAP) map GeoData/samples/events.csv -o Output/preview/map.svg --png \
		--title "Reported conflict events in the Afghanistan–Pakistan border region (sample data)"

build:
	Scripts/setup
	$(SWIFT) build

release:
	Scripts/setup
	$(SWIFT) build -c release --product eventmap

clean:
	rm -rf .build Output/*.geojson Output/*.gpkg Output/*.svg Output/*.png Output/*.csv
