# Yichuang (一窗): the two commands a newcomer needs are `make run` and `make test`.
# Every target installs what it needs first, idempotently (Debian 12, run as root or with sudo).

SHELL := /bin/bash
CARGO ?= cargo
APP_BIN := target/debug/yichuang
TAURI_DRIVER_VERSION := 2.1.0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages: WebKitGTK for the Tauri window, its WebDriver, Xvfb + D-Bus for headless
# runs, CJK fonts for Chinese text, PostgreSQL server binaries for throwaway test clusters,
# poppler for reading PDFs back in tests, LibreOffice Calc (headless) for rendering the
# ledger workbook to PDF in tests.
APT_PACKAGES := build-essential pkg-config curl file libwebkit2gtk-4.1-dev libxdo-dev \
	libssl-dev librsvg2-dev webkit2gtk-driver xvfb xauth dbus dbus-x11 fonts-noto-cjk \
	postgresql poppler-utils gnome-keyring libsecret-tools libreoffice-calc-nogui

.PHONY: run test deps apt-deps py-deps npm-deps tauri-driver frontend app bindings e2e fmt lint clean

run: deps frontend app
	$(APP_BIN)

test: deps
	@scripts/check.sh

deps: apt-deps py-deps npm-deps

apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# openpyxl: the ledger tests read the workbook back with a second implementation.
py-deps:
	@python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install --quiet openpyxl

npm-deps:
	@command -v npm >/dev/null || { echo "Node.js 20+ and npm are required"; exit 1; }
	@if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then \
	  cd frontend && npm ci --no-audit --no-fund; \
	fi

tauri-driver:
	@if ! tauri-driver --version 2>/dev/null | grep -q "$(TAURI_DRIVER_VERSION)" && \
	    ! $$HOME/.cargo/bin/tauri-driver --version 2>/dev/null | grep -q "$(TAURI_DRIVER_VERSION)"; then \
	  $(CARGO) install --locked --quiet tauri-driver --version $(TAURI_DRIVER_VERSION); \
	fi

frontend: npm-deps
	cd frontend && npm run build

# A plain cargo build serves the built frontend (tauri's custom-protocol feature is on).
app: frontend
	$(CARGO) build -p yichuang-desktop

bindings:
	$(CARGO) run -q -p yichuang-app --bin yichuang-bindings -- frontend/src/lib/ipc/bindings.ts

# The real window under Xvfb and a private D-Bus session, driven through tauri-driver; the
# sync story also runs the county hub (yichuang-hub) on a throwaway PostgreSQL.
e2e: deps tauri-driver app
	$(CARGO) build -q -p yichuang-e2e -p yichuang-hub
	PATH="$$HOME/.cargo/bin:$$PATH" xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
	  target/debug/yichuang-e2e $(APP_BIN) target/e2e

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
	rm -rf frontend/node_modules frontend/dist
