# The two commands of the README: `make demo` and `make test`.
SWIFT ?= swift
EVENTMAP = .build/release/eventmap

.PHONY: demo test build release clean

demo: release
	$(EVENTMAP) demo

test:
	Scripts/setup --test
	$(SWIFT) build --build-tests
	$(SWIFT) test

build:
	Scripts/setup
	$(SWIFT) build

release:
	Scripts/setup
	$(SWIFT) build -c release --product eventmap

clean:
	rm -rf .build Output/*.geojson Output/*.gpkg Output/*.svg Output/*.png Output/*.csv
