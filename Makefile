# Two commands: `make run` opens the app, `make test` runs every check.
# Both first install what the build needs on Debian/Ubuntu (see deps).

GO ?= go
BIN := bin/samenbeslissen

# Debian packages: the C toolchain and headers Fyne's OpenGL driver needs,
# poppler-utils to read PDFs back in tests, Xvfb, openbox, xdotool and
# ImageMagick for screenshots, and the Noto fonts.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	libwayland-dev libxkbcommon-dev wayland-protocols \
	poppler-utils xvfb xauth imagemagick xdotool openbox x11-utils fonts-noto-core

.PHONY: run test build deps bench screenshot

run: deps build
	LANG=nl_NL.UTF-8 ./$(BIN) # the UI language is our own; this only stops Fyne logging about "C"

build:
	$(GO) build -o $(BIN) .

test: deps
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	LANG=nl_NL.UTF-8 $(GO) test ./... # a set locale keeps Fyne from logging about "C"

# Benchmarks named in the README, summarised (median) by benchstat.
BENCHSTAT := golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
bench:
	mkdir -p bin
	$(GO) test ./cards ./storage ./pdf -run '^$$' -bench . -count 10 > bin/bench.txt
	$(GO) run $(BENCHSTAT) bin/bench.txt

# Installs missing Debian packages: quietly with apt-get as root, otherwise
# it prints the command to run. Installed packages are not touched again.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing: $$missing"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
		else \
			echo "Missing packages. Run: sudo apt-get install -y $$missing"; exit 1; \
		fi; \
	fi

# Screenshots of the running app under Xvfb, and the printables rendered to
# PNG, as in docs/.
screenshot: deps build
	./scripts/screenshot.sh $(BIN) docs
	./scripts/printables.sh $(BIN) docs
