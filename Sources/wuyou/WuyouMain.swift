import WuyouXML

/// The executable's entry point: libxml2's memory goes into pools (`XMLMemoryPool`) before
/// anything parses, which only the executable may decide for its process.
@main
enum WuyouMain {
    static func main() async {
        XMLMemoryPool.install()
        await WuyouCommand.main()
    }
}
