import CFuzzDriver
#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer on `testOneInput` with this process's arguments.
///
/// Why not libFuzzer's own `main`: SwiftPM links every executable target with `main` aliased to
/// `<Target>_main` (the Swift entry point), so with `-parse-as-library` and no `@main` the link fails
/// (`undefined symbol 'FuzzCSV_main'`). Each fuzzer therefore has a tiny `@main` that calls this, and
/// libFuzzer's driver runs through `LLVMFuzzerRunDriver`, with the same flags and output as usual.
public func runLibFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

