import CXMLMemory
import Foundation
import Testing
import WuyouXML

/// libxml2's memory pools (CXMLMemory): their functions called directly (in every build, the
/// sanitizers' included), and their installation in a process of its own (xml-memory-probe),
/// which only a build without sanitizers may do.
@Suite("libxml2's memory in pools")
struct XMLMemoryTests {
    /// What installing the pools in a fresh process, with the environment as given, must do.
    static var expectedInstallation: String {
        BuildSanitizer.any ? "compiledOut installed: false" : "installed installed: true"
    }

    /// Bytes that differ from block to block and from offset to offset.
    static func pattern(_ seed: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    static func write(_ bytes: [UInt8], to block: UnsafeMutableRawPointer) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { block.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    }

    static func read(_ count: Int, from block: UnsafeMutableRawPointer) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: block, count: count))
    }

    @Test("a block holds every byte asked for, and keeps them when grown past its size class and the pools",
          arguments: [0, 1, 15, 16, 17, 100, 511, 512, 513, 4_000])
    func blocksHoldTheirBytes(size: Int) throws {
        var block = try #require(wuyou_xml_pool_malloc(size))
        var contents = Self.pattern(size, size)
        Self.write(contents, to: block)
        // Grown within its class, past it, out of the pools, shrunk, and grown again.
        for (step, newSize) in [size + 1, size * 2 + 17, 600, size + 5_000].enumerated() {
            block = try #require(wuyou_xml_pool_realloc(block, newSize))
            let kept = min(contents.count, newSize)
            #expect(Self.read(kept, from: block) == Array(contents.prefix(kept)), "resized to \(newSize)")
            contents = Self.pattern(size + step + 1, newSize)
            Self.write(contents, to: block)
            #expect(Self.read(newSize, from: block) == contents)
        }
        wuyou_xml_pool_free(block)
        let text = String(repeating: "面", count: size)
        let copy = try #require(wuyou_xml_pool_strdup(text))
        #expect(String(cString: copy) == text)
        wuyou_xml_pool_free(copy)
    }

    @Test("a freed small block is the next one of its size class on its thread", arguments: [1, 16, 200, 512])
    func freedBlocksAreReused(size: Int) throws {
        // A thread of its own: its pools start empty.
        let reused = try Self.onNewThread {
            let first = wuyou_xml_pool_malloc(size)
            wuyou_xml_pool_free(first)
            let second = wuyou_xml_pool_malloc(size - (size - 1) % 16)
            defer { wuyou_xml_pool_free(second) }
            return first != nil && first == second
        }
        #expect(reused)
    }

    @Test("blocks that malloc made (libxml2 used before the install) are freed and grown as malloc's")
    func blocksFromMalloc() throws {
        let grown = try Self.onNewThread {
            guard let made = malloc(64) else { return false }
            Self.write(Self.pattern(7, 64), to: made)
            guard let block = wuyou_xml_pool_realloc(made, 300) else { return false }
            let kept = Self.read(64, from: block) == Self.pattern(7, 64)
            wuyou_xml_pool_free(block)
            return kept
        }
        #expect(grown)
        let keptInPool = try Self.onNewThread {
            guard let made = malloc(32) else { return false }
            wuyou_xml_pool_free(made)
            let next = wuyou_xml_pool_malloc(32)
            defer { wuyou_xml_pool_free(next) }
            return next == made
        }
        #expect(!keptInPool, "a block from malloc went into a pool")
    }

    /// A block handed from the task that made it to one other task, never shared.
    final class Handed: @unchecked Sendable {
        let block: UnsafeMutableRawPointer
        let size: Int
        init(_ block: UnsafeMutableRawPointer, size: Int) { self.block = block; self.size = size }
    }

    @Test("blocks made on one thread are read and freed on another, and made again from its pools")
    func blocksAcrossThreads() async throws {
        let sizes = (0..<2_000).map { ($0 * 7_919) % 700 + 1 }
        let made = await withTaskGroup(of: (Int, Handed?).self) { group in
            for (index, size) in sizes.enumerated() {
                group.addTask {
                    guard let block = wuyou_xml_pool_malloc(size) else { return (index, nil) }
                    Self.write(Self.pattern(index, size), to: block)
                    return (index, Handed(block, size: size))
                }
            }
            return await group.reduce(into: [Int: Handed]()) { $0[$1.0] = $1.1 }
        }
        try #require(made.count == sizes.count)
        let whole = await withTaskGroup(of: Bool.self) { group in
            for (index, handed) in made {
                group.addTask {
                    let intact = Self.read(handed.size, from: handed.block) == Self.pattern(index, handed.size)
                    wuyou_xml_pool_free(handed.block)
                    guard let again = wuyou_xml_pool_malloc(handed.size) else { return false }
                    Self.write(Self.pattern(index + 1, handed.size), to: again)
                    let rewritten = Self.read(handed.size, from: again) == Self.pattern(index + 1, handed.size)
                    wuyou_xml_pool_free(again)
                    return intact && rewritten
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(whole)
    }

    @Test("a block of the pools freed twice stops the process")
    func freedTwice() throws {
        let result = try ProbeProcess.run(["free-twice"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("libxml2 called free on a block it had freed"), "\(result.standardError)")
    }

    @Test("the first thing a process does, installing puts libxml2's memory in the pools unless built with a sanitizer; documents read back whole")
    func installedFirst() throws {
        let result = try ProbeProcess.run(["install", "documents"], environment: ["WUYOU_XML_POOL": nil])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "install: \(Self.expectedInstallation)\n")
    }

    @Test("WUYOU_XML_POOL=0 leaves libxml2's memory to malloc; another value does not", arguments: [
        ("0", "switchedOff installed: false"), ("1", "installed installed: true"), ("", "installed installed: true"),
    ])
    func switchedOff(setting: String, unsanitized: String) throws {
        let result = try ProbeProcess.run(["install", "documents"], environment: ["WUYOU_XML_POOL": setting])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "install: \(BuildSanitizer.any ? "compiledOut installed: false" : unsanitized)\n")
    }

    @Test("installing after libxml2 started is refused, in a process of its own and in this one")
    func tooLate() throws {
        let result = try ProbeProcess.run(["parse", "install"], environment: ["WUYOU_XML_POOL": nil])
        #expect(result.status == 0, "\(result.standardError)")
        let expected = BuildSanitizer.any ? "compiledOut" : "tooLate"
        #expect(result.standardOutput == "install: \(expected) installed: false\n")

        _ = try ParsedDocument.parse(bytes: Array("<r/>".utf8), path: "started.xml")
        let here = XMLMemoryPool.install()
        #expect(BuildSanitizer.any ? here == .compiledOut : [.tooLate, .switchedOff].contains(here))
        #expect(!XMLMemoryPool.isInstalled)
    }

    @Test("AddressSanitizer sees a use after free of a block libxml2 allocated, after the executable's install",
          .enabled(if: BuildSanitizer.address, "a use after free is undefined behaviour without AddressSanitizer"))
    func useAfterFreeReported() throws {
        let result = try ProbeProcess.run(["install", "use-after-free"], environment: ["WUYOU_XML_POOL": nil])
        #expect(result.status != 0)
        #expect(result.standardOutput.hasPrefix("install: compiledOut installed: false\n"))
        #expect(!result.standardOutput.contains("read after free"))
        #expect(result.standardError.contains("ERROR: AddressSanitizer: heap-use-after-free"), "\(result.standardError)")
        // The block's allocation, as ASan tells it, went through libxml2.
        let allocation = try #require(result.standardError.range(of: "previously allocated by"))
        #expect(result.standardError[allocation.upperBound...].contains("libxml2"), "\(result.standardError)")
    }

    /// Runs `body` on a thread of its own and returns what it returned.
    static func onNewThread(_ body: @escaping @Sendable () -> Bool) throws -> Bool {
        final class Box: @unchecked Sendable { var value: Bool? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.start()
        done.wait()
        return try #require(box.value)
    }
}
