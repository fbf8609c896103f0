"""Loads a redirect map Trackway wrote into a real nginx or Apache and asks it for old URLs.

usage: redirect_servers.py nginx|apache RULES_FILE WORK_DIR PATH_AND_QUERY...
Checks the configuration (`nginx -t`, `apache2 -t`), runs the server in the foreground on a
free port of 127.0.0.1, requests each old path, and prints one JSON object: the status and
Location header of each. Exit 3 when the server binary is not installed; 1 when the
configuration check fails (its output on stderr).
"""
import json, os, shutil, signal, socket, subprocess, sys, time, urllib.error, urllib.request

# A test runner may start us with signals blocked; the server inherits the mask and would not
# stop on SIGTERM.
signal.pthread_sigmask(signal.SIG_UNBLOCK, signal.valid_signals())

server, rules_file, work = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
paths = sys.argv[4:]
rules = open(rules_file).read()
os.makedirs(work, exist_ok=True)

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]

if server == "nginx":
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    # `location =` lines go in the server block, the map in the http block, the if in the server block.
    http_part, server_part = [], []
    in_map = False
    for line in rules.splitlines():
        if line.startswith("map "):
            in_map = True
        (http_part if in_map else server_part).append(line)
        if in_map and line == "}":
            in_map = False
    config = f"""
daemon off;
master_process off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{chr(10).join(http_part)}
    server {{
        listen 127.0.0.1:{port};
{chr(10).join(server_part)}
        location / {{ return 404; }}
    }}
}}
"""
    config_path = os.path.join(work, "nginx.conf")
    check = [binary, "-t", "-e", f"{work}/error.log", "-p", work, "-c", config_path] if binary else None
    run = [binary, "-e", f"{work}/error.log", "-p", work, "-c", config_path] if binary else None
elif server == "apache":
    binary = shutil.which("apache2") or ("/usr/sbin/apache2" if os.path.exists("/usr/sbin/apache2") else None)
    modules = "/usr/lib/apache2/modules"
    user = "" if os.getuid() != 0 else "User nobody\nGroup nogroup\n"
    config = f"""
ServerRoot {work}
ServerName 127.0.0.1
PidFile {work}/apache.pid
Mutex file:{work}
ErrorLog {work}/error.log
Listen 127.0.0.1:{port}
{user}
LoadModule mpm_prefork_module {modules}/mod_mpm_prefork.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule alias_module {modules}/mod_alias.so
LoadModule rewrite_module {modules}/mod_rewrite.so
DocumentRoot {work}
<VirtualHost 127.0.0.1:{port}>
{rules}
</VirtualHost>
"""
    config_path = os.path.join(work, "apache.conf")
    check = [binary, "-t", "-f", config_path] if binary else None
    run = [binary, "-X", "-f", config_path] if binary else None
else:
    sys.exit(f"unknown server {server}")

if not binary:
    print(f"{server} is not installed (scripts/setup.sh installs it)", file=sys.stderr)
    sys.exit(3)
open(config_path, "w").write(config)
checked = subprocess.run(check, capture_output=True, text=True)
if checked.returncode != 0:
    print(checked.stdout + checked.stderr, file=sys.stderr)
    sys.exit(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)
child = subprocess.Popen(run, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
try:
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if child.poll() is not None or time.monotonic() > deadline:
                print(f"{server} did not start: {child.stderr.read().decode(errors='replace')}", file=sys.stderr)
                sys.exit(1)
            time.sleep(0.05)
    answers = {}
    for path in paths:
        try:
            response = opener.open(f"http://127.0.0.1:{port}{path}", timeout=10)
            answers[path] = {"status": response.status, "location": response.headers.get("Location")}
        except urllib.error.HTTPError as error:
            answers[path] = {"status": error.code, "location": error.headers.get("Location")}
    print(json.dumps(answers))
finally:
    child.terminate()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
