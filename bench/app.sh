# Sourced by bench/quality.sh and scripts/screenshots.sh: builds the Release app and starts it on loopback on a fresh,
# seeded database in $work, without map tiles (nothing leaves the machine; the basemap's country outlines still
# show). Sets app_pid; the caller's EXIT trap stops it. Usage: start_app <port> <log file>
start_app() {
  local port=$1 log=$2
  [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null
  dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null
  # Development environment: it is what serves the repo-root wwwroot from the build output (see map-ready.sh).
  ConnectionStrings__MovingCities="Data Source=$work/app.db" Basemap__TileUrl= \
    ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
    dotnet "src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll" --urls "http://127.0.0.1:$port" \
    --contentRoot "$PWD/src/MovingCities.Web" >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "the app did not start on port $port: see $log" >&2
  return 1
}
