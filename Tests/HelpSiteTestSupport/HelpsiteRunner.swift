import Foundation

/// `helpsite` run as a process, as a user runs it: its exit status, output and errors.
package struct HelpsiteRunner {
    package init() {}

    package struct Run {
        package let status: Int32
        package let output: String
        package let errors: String
    }

    /// The executable is built beside the test bundle (the test target depends on it).
    package static let executable: URL = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleFolder, Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
            .map { $0.appendingPathComponent("helpsite") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// - Parameter executable: what to run instead, such as a tool that runs helpsite under a limit.
    package func helpsite(_ arguments: String..., in folder: String, executable: String? = nil) throws -> Run {
        try helpsite(arguments, in: folder, executable: executable)
    }

    package func helpsite(_ arguments: [String], in folder: String, executable: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes are read at once: a child that fills one (64 KiB) while the test reads
        // the other to its end would wait for ever.
        let errorsRead = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: errorsRead) { errData = Self.readToEnd(errors) }
        let outData = Self.readToEnd(output)
        errorsRead.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                   errors: String(decoding: errData, as: UTF8.self))
    }

    /// What a child writes to `pipe`, to its end. A read that a signal interrupts is read
    /// again: Foundation's `readDataToEndOfFile` stops the whole test process then (a fatal
    /// `try!` on EINTR, seen once in a run of every test).
    package static func readToEnd(_ pipe: Pipe) -> Data {
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }

    package func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.overlay(Project.fixtures.appendingPathComponent("base"))
        try folder.overlay(URL(fileURLWithPath: Project.templates), at: "templates")
        return folder
    }

    /// Every file under a folder with its bytes: what "left exactly as it was" is compared on.
    package func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }
}
