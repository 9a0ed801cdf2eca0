import Foundation

/// The `xml-memory-probe` executable (Sources/xml-memory-probe), run as a process of its own.
enum ProbeProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// `swift test` builds the executable beside the test bundle because this target depends on it.
    static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("xml-memory-probe").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("xml-memory-probe")
    }

    /// Runs the probe's `steps` with this process's environment changed by `environment`
    /// (a nil value removes the variable).
    static func run(_ steps: [String], environment: [String: String?] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = steps
        var inherited = ProcessInfo.processInfo.environment
        // Swift's backtracer, started for a process that aborts, outlived the probe with
        // its pipes open under AddressSanitizer; the sanitizer's report is what counts.
        inherited["SWIFT_BACKTRACE"] = "enable=no"
        for (name, value) in environment { inherited[name] = value }
        process.environment = inherited
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The probe writes little to stdout; stderr (a sanitizer's report) fits a pipe's buffer.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// The sanitizer this test process (and so the whole build) was compiled with, seen by the
/// runtime's own entry point rather than by anything wuyou's code says about itself.
enum BuildSanitizer {
    static let address = dlsym(nil, "__asan_init") != nil
    static let thread = dlsym(nil, "__tsan_init") != nil
    static let any = address || thread
}
