# corridor: `make run` opens the dashboard, `make test` is what CI runs.
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: run build test tidy-check vet fmt-check bench bench-ssh e2e fuzz golden datapackage-check geo clean

run:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/corridor $(ARGS)

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/corridor ./cmd/corridor

# The size sweep draws every width 1-220 and the renamed-data test walks
# 40 rows a tab without -race (under -race they draw the layout
# breakpoints and a stride, and 15 rows), so they run again plainly.
test: fmt-check vet tidy-check
	$(GO) test -race ./...
	$(GO) test -count=1 -run SizeSweep ./tui/
	$(GO) test -count=1 -run TestRenamedSubjectsShowTheSameFigures ./cmd/corridor/

# go.mod and go.sum must stay tidy: a dependency is added on purpose, never by accident.
tidy-check:
	$(GO) mod tidy -diff

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# End-to-end: the real OpenSSH client in tmux against `corridor serve`.
e2e:
	$(GO) test -tags e2e -run E2E -count=1 -v ./cmd/corridor/serve

# 100 concurrent SSH sessions: first-frame latency, memory, idle CPU, bytes.
bench-ssh:
	$(GO) test -run '^$$' -bench SSH -benchtime 1x -count=1 -v ./cmd/corridor/serve

fuzz:
	$(GO) test ./data -run '^$$' -fuzz FuzzLoad -fuzztime 60s

# Exports the bundled data as a Frictionless Data Package and validates it
# with the Frictionless reference library for JavaScript (datapackage-js,
# pinned by .ci/datapackage/package-lock.json): descriptor, types,
# constraints, primary and foreign keys. Needs node and npm.
datapackage-check: build
	rm -rf bin/datapackage
	./bin/corridor export --format datapackage bin/datapackage
	cd .ci/datapackage && npm ci --no-audit --no-fund --silent
	node .ci/datapackage/validate.js bin/datapackage

# Rewrites the golden files after an intended change to the look: the
# frames (tui, snapshot) and every package whose tests use tui/internal/golden.
golden:
	$(GO) test ./tui ./cmd/corridor -update
	$(GO) test $$(grep -rl '"corridor/tui/internal/golden"' --include='*_test.go' tui | xargs -n1 dirname | sort -u | sed 's|^|./|') -update

# Rebuilds the map's embedded geography from Natural Earth (world-atlas on
# npm, ISC licence; the data is public domain). Needs npm; the output is
# committed, so nothing else does.
WORLD_ATLAS ?= 2.0.2
geo:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	npm pack --silent --pack-destination "$$tmp" world-atlas@$(WORLD_ATLAS) >/dev/null && \
	tar xzf "$$tmp/world-atlas-$(WORLD_ATLAS).tgz" -C "$$tmp" && \
	$(GO) run ./tui/maptab/internal/gen -in "$$tmp/package/countries-50m.json" -out tui/maptab/geo.bin

clean:
	rm -rf bin
