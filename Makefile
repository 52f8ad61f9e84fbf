# Shortcuts for the commands in README.md. `make` alone lists them.
.DEFAULT_GOAL := help
.PHONY: help dev test fmt package run smoke keycloak-start keycloak-stop keycloak-status bench bench-jar

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

dev: ## quick start: dev mode on http://localhost:8080 (H2, in-process OIDC, demo data)
	./mvnw quarkus:dev

test: ## everything CI runs: backend tests on MariaDB, frontend unit tests, browser e2e
	./mvnw -B verify

fmt: ## format Java (Spotless) and the frontend (Prettier)
	./mvnw -B -q spotless:apply
	npm --prefix frontend run fmt

package: ## build target/quarkus-app (frontend included), tests skipped
	./mvnw -B package -DskipTests

run: ## run the packaged app with the settings in .env (see .env.example)
	deploy/run-jar.sh

smoke: ## check a running app against the demo Keycloak (BASE_URL=http://localhost:8080)
	deploy/smoke.sh $(BASE_URL)

keycloak-start: ## start the demo Keycloak on :8180 without containers (downloads it once)
	deploy/keycloak/keycloak.sh start

keycloak-stop: ## stop the demo Keycloak
	deploy/keycloak/keycloak.sh stop

keycloak-status: ## is the demo Keycloak running?
	deploy/keycloak/keycloak.sh status

bench: ## load benchmarks: fan-out at 1k..19.5k vs limit/Vert.x/ws/Socket.IO, idle memory (docs/benchmarks.md)
	bench/run.sh fanout
	bench/run.sh idle
	bench/run.sh heartbeats

bench-jar: ## build the production jar the live benchmarks run (target/bench-app, no frontend)
	bench/build-jar.sh

bench-%: ## one benchmark scenario: bench-fanout, bench-idle, bench-heartbeats, bench-checkin, bench-votes, bench-documents
	bench/run.sh $* $(N)
