#!/usr/bin/env bash
# Serves a fixture site (default corpora/sites/sample) with nginx on a free 127.0.0.1 port.
#   scripts/serve_sample.sh start DIR STATE_DIR   -> prints the port; nginx runs in the background
#   scripts/serve_sample.sh stop STATE_DIR
# Never the system service, never port 80: a private prefix, pid and logs under STATE_DIR.
set -euo pipefail
cmd="${1:?usage: serve_sample.sh start SITE_DIR STATE_DIR | stop STATE_DIR}"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$cmd" in
  start)
    site="$(cd "${2:?site dir}" && pwd)"
    state="${3:?state dir}"
    mkdir -p "$state/logs" "$state/tmp"
    state="$(cd "$state" && pwd)"
    port="$(free_port)"
    cat >"$state/nginx.conf" <<CONF
worker_processes 1;
pid $state/nginx.pid;
error_log $state/logs/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log $state/logs/access.log;
  client_body_temp_path $state/tmp/body;
  proxy_temp_path $state/tmp/proxy;
  fastcgi_temp_path $state/tmp/fastcgi;
  uwsgi_temp_path $state/tmp/uwsgi;
  scgi_temp_path $state/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $site;
    location / { index index.html; }
  }
}
CONF
    /usr/sbin/nginx -p "$state" -c "$state/nginx.conf" -e "$state/logs/error.log"
    for _ in $(seq 50); do
      if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
        echo "$port"
        exit 0
      fi
      sleep 0.1
    done
    echo "serve_sample: nginx did not come up on port $port; see $state/logs/error.log" >&2
    exit 1
    ;;
  stop)
    state="${2:?state dir}"
    if [ -f "$state/nginx.pid" ]; then
      kill "$(cat "$state/nginx.pid")" 2>/dev/null || true
      rm -f "$state/nginx.pid"
    fi
    ;;
  *)
    echo "usage: serve_sample.sh start SITE_DIR STATE_DIR | stop STATE_DIR" >&2
    exit 2
    ;;
esac
