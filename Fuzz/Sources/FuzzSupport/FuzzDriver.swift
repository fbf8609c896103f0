import CLibFuzzer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts libFuzzer from a fuzzer's `main.swift`, with the process's command line.
///
/// ```swift
/// FuzzDriver.run(fuzz)   // fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
/// ```
public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments, calling `body` once per input, then exits with its status.
    public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }
}
