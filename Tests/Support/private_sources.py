"""Runs `trackway serve` inside a fresh network namespace (run this under `unshare -n`) where
private, link-local, metadata and ULA addresses exist on the loopback interface, each with a
listener that records connections, beside a "public" site (203.0.113.10) that redirects to them.
Sends pingbacks and TrackBacks whose sources are those addresses; prints one JSON object:
the fault of each pingback, the connections each listener saw, and the server's log.

Usage: unshare -n python3 private_sources.py TRACKWAY DATABASE TARGET_URL
Nothing leaves the namespace: it has no interface but its own loopback.
"""
import errno, json, socket, subprocess, sys, threading, time, urllib.parse, urllib.request, xmlrpc.client

trackway, database, target = sys.argv[1], sys.argv[2], sys.argv[3]
PUBLIC = "203.0.113.10"
INTERNAL = ["10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "fd00::1"]
GATEWAY_PORT = 8080

def ip(*arguments):
    subprocess.run(["ip"] + list(arguments), check=True)

ip("link", "set", "lo", "up")
for address in [PUBLIC] + INTERNAL:
    ip("addr", "add", address + ("/128" if ":" in address else "/32"), "dev", "lo")

connections = {address: 0 for address in INTERNAL}
lock = threading.Lock()

def listen(address, port, handle):
    server = socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # An address just added may not take a bind at once (EADDRNOTAVAIL, seen once in a CI run on
    # a loaded machine): give the kernel up to two seconds before failing, naming the address.
    for attempt in range(20):
        try:
            server.bind((address, port))
            break
        except OSError as error:
            if error.errno != errno.EADDRNOTAVAIL or attempt == 19:
                raise OSError(error.errno, "cannot listen on %s:%d: %s" % (address, port, error.strerror))
            time.sleep(0.1)
    server.listen(64)
    def loop():
        while True:
            client, _ = server.accept()
            threading.Thread(target=handle, args=(client,), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()

def recorder(address):
    def handle(client):
        with lock:
            connections[address] += 1
        client.close()
    return handle

def public_site(client):
    """`/link` links to the target; `/to?u=URL` redirects to URL."""
    client.settimeout(5)
    request = b""
    while b"\r\n\r\n" not in request:
        more = client.recv(65536)
        if not more:
            break
        request += more
    path = request.split(b" ")[1].decode() if request.count(b" ") >= 2 else "/"
    if path.startswith("/to?"):
        location = urllib.parse.parse_qs(path[4:])["u"][0]
        head = "HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n" % location
        client.sendall(head.encode())
    else:
        body = ('<html><head><title>Public page</title></head><body><p>See <a href="%s">this post</a>.</p></body></html>' % target).encode()
        client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    client.close()

for address in INTERNAL:
    listen(address, 80, recorder(address))
    listen(address, 443, recorder(address))
listen(PUBLIC, 80, public_site)

log = open(database + ".serve.log", "w")
server = subprocess.Popen(
    [trackway, "serve", "--db", database, "--port", str(GATEWAY_PORT), "--public-url", "http://harbour-notes.example"],
    stdout=log, stderr=subprocess.STDOUT,
)
gateway = "http://127.0.0.1:%d" % GATEWAY_PORT
for _ in range(200):
    try:
        socket.create_connection(("127.0.0.1", GATEWAY_PORT), timeout=1).close()
        break
    except OSError:
        time.sleep(0.05)

def redirect(url):
    return "http://%s/to?u=%s" % (PUBLIC, urllib.parse.quote(url, safe=""))

sources = [
    "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/", "http://[fd00::1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:a00:1]/",
    "http://2852039166/", "http://0251.0376.0251.0376/", "http://0xa9.0xfe.0xa9.0xfe/", "https://169.254.169.254/",
    redirect("http://169.254.169.254/latest/meta-data/"), redirect("http://10.0.0.1/"), redirect("http://[fd00::1]/"),
    redirect("http://0xa9fea9fe/"), redirect(gateway + "/xmlrpc.php"), redirect(redirect("http://192.168.1.1/")),
    redirect("file:///etc/passwd"), redirect("gopher://10.0.0.1:80/_x"),
]
faults = {}
proxy = xmlrpc.client.ServerProxy(gateway + "/xmlrpc.php")
for source in sources:
    try:
        faults[source] = ["ok", proxy.pingback.ping(source, target)]
    except xmlrpc.client.Fault as fault:
        faults[source] = [fault.faultCode, fault.faultString]

# TrackBacks are checked in the background: each is stored, then its check fails.
trackbacks = ["http://169.254.169.254/latest/meta-data/", redirect("http://10.0.0.1/")]
for source in trackbacks:
    form = urllib.parse.urlencode({"url": source, "title": "t"}).encode()
    urllib.request.urlopen(gateway + urllib.parse.urlsplit(target).path + "trackback/", form, timeout=10).read()

control = None
try:
    control = proxy.pingback.ping("http://%s/link" % PUBLIC, target)
except xmlrpc.client.Fault as fault:
    control = [fault.faultCode, fault.faultString]

deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    with open(database + ".serve.log") as text:
        if sum("not verified" in line for line in text) >= len(trackbacks):
            break
    time.sleep(0.2)
server.kill()
server.wait()
with open(database + ".serve.log") as text:
    lines = [line.rstrip("\n") for line in text if "not verified" in line]
print(json.dumps({"faults": faults, "control": control, "connections": connections, "log": lines}))
