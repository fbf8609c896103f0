import Foundation

/// Decodes XML-RPC documents with Python's `xmlrpc.client`, an implementation independent of ours.
enum PythonXMLRPC {
    /// Python's reading of a methodResponse, as JSON: `{"result": …}` or `{"fault": [code, text]}`.
    static func decode(_ document: [UInt8]) throws -> [String: Any] {
        let script = """
        import sys, json, xmlrpc.client
        data = sys.stdin.buffer.read()
        try:
            (result,), _ = xmlrpc.client.loads(data, use_builtin_types=True)
            def plain(v):
                if isinstance(v, bytes): return {"bytes": list(v)}
                if isinstance(v, list): return [plain(x) for x in v]
                if isinstance(v, dict): return {k: plain(x) for k, x in v.items()}
                return v
            print(json.dumps({"result": plain(result)}))
        except xmlrpc.client.Fault as f:
            print(json.dumps({"fault": [f.faultCode, f.faultString]}))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(document))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
