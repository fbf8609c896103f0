import Foundation
import Testing
import TrackwayTesting

/// Hostile XML-RPC bodies sent to a real `trackway serve` process, whose peak memory is then
/// read from the kernel: entity blow-ups worth gigabytes, a 12 MB string, 10,000-deep nesting,
/// 10,000 params and 10,000 multicall entries must all be refused without the server growing.
@Suite struct HostileBodyMemoryTests {
    /// Starts `trackway serve` (body limit 32 MB, so the parser sees every body), POSTs each body
    /// in the JSON file, kills the server, and prints each answer's fault code with its peak RSS.
    private static let driver = """
        import json, re, resource, socket, subprocess, sys, time, urllib.request
        trackway, database, bodies_file = sys.argv[1], sys.argv[2], sys.argv[3]
        probe = socket.socket(); probe.bind(("127.0.0.1", 0)); port = probe.getsockname()[1]; probe.close()
        server = subprocess.Popen([trackway, "serve", "--db", database, "--port", str(port), "--max-body", str(32 << 20), "--quiet"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close(); break
            except OSError:
                time.sleep(0.05)
        answers = []
        started = time.monotonic()
        for body in json.load(open(bodies_file)):
            request = urllib.request.Request("http://127.0.0.1:%d/xmlrpc.php" % port, body.encode("utf-8", "surrogateescape"),
                                             {"Content-Type": "text/xml"})
            text = urllib.request.urlopen(request, timeout=60).read().decode()
            code = re.search(r"<name>faultCode</name>\\s*<value><int>(-?\\d+)</int>", text)
            answers.append(int(code.group(1)) if code else None)
        seconds = time.monotonic() - started
        server.kill(); server.wait()
        print(json.dumps({"faults": answers, "seconds": seconds,
                          "peakMegabytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
        """

    private static func call(_ value: String, method: String = "demo.sayHello") -> String {
        "<?xml version=\"1.0\"?><methodCall><methodName>\(method)</methodName><params><param>\(value)</param></params></methodCall>"
    }

    @Test("entity blow-ups, a 12 MB string, deep nesting and huge counts are refused while the server stays under 150 MB")
    func boundedMemory() async throws {
        var laughs = "<!ENTITY lol0 \"lol\">"
        for level in 1...10 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let depth = 10_000
        let entry = "<value><struct><member><name>methodName</name><value>demo.sayHello</value></member></struct></value>"
        let bodies: [(String, Int)] = [
            ("<!DOCTYPE methodCall [\(laughs)]>" + Self.call("<value>&lol10;</value>"), -32700),
            ("<!DOCTYPE methodCall [<!ENTITY a \"" + String(repeating: "a", count: 100_000) + "\">]>"
                + Self.call("<value>" + String(repeating: "&a;", count: 100_000) + "</value>"), -32700),
            (Self.call("<value><string>" + String(repeating: "x", count: 12_000_000) + "</string></value>"), -32700),
            (Self.call(String(repeating: "<value><array><data>", count: depth) + String(repeating: "</data></array></value>", count: depth)), -32600),
            ("<methodCall><methodName>x</methodName><params>" + String(repeating: "<param><value>1</value></param>", count: depth) + "</params></methodCall>", -32600),
            (Self.call("<value><array><data>" + String(repeating: entry, count: depth) + "</data></array></value>", method: "system.multicall"), -32600),
        ]
        let directory = try TemporaryDirectory()
        let bodiesFile = directory.file("bodies.json")
        try JSONSerialization.data(withJSONObject: bodies.map(\.0)).write(to: bodiesFile)
        let database = directory.file("m.sqlite").path
        let run = try await onOwnThread {
            try ChildProcess.tool("python3", ["-c", Self.driver, CommandLineHarness.trackwayBinary.path, database, bodiesFile.path])
        }
        try #require(run.status == 0, "driver failed: \(run.stderr)")
        let result = try CommandLineHarness.jsonObject(run.stdout)
        #expect(result["faults"] as? [Int] == bodies.map(\.1))
        let peak = result["peakMegabytes"] as? Double ?? .infinity
        #expect(peak < 150, "peak RSS \(peak) MB")
        #expect((result["seconds"] as? Double ?? .infinity) < 60)
        print("hostile XML-RPC bodies: peak RSS \(peak) MB, \(result["seconds"] ?? 0) s for \(bodies.count) bodies")
    }
}
