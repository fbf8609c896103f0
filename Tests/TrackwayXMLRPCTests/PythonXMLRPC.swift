import Foundation
import TrackwayTesting

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
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script], input: Data(document))
        return (try JSONSerialization.jsonObject(with: run.output) as? [String: Any]) ?? [:]
    }
}
