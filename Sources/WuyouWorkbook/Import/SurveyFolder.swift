import Foundation
import WuyouCore

/// Writes imported surveys into a folder, never replacing a file wuyou import did not write.
///
/// A file is taken as wuyou's when it is a regular file (not a symbolic link) that starts with
/// the XML declaration and the `<!-- wuyou import: ` comment every imported survey carries on
/// its second line. Anything else of the same name — a survey written by hand, a link — is left
/// alone and reported. Each file is written atomically (``OutputFile``).
public enum SurveyFolder {
    /// The path `survey` is written to in `folder`.
    public static func path(of survey: ImportedSurvey, in folder: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + survey.fileStem + ".xml"
    }

    /// Writes each survey to `folder/<stem>.xml`, creating the folder if needed.
    ///
    /// - Returns: The paths written, and a diagnostic for each survey that was not.
    ///
    /// - Parameter inputs: The files the import reads, which are never written.
    public static func write(_ surveys: [ImportedSurvey], to folder: String, inputs: [String]) -> (written: [String], problems: [Diagnostic]) {
        if let problem = create(folder) { return ([], [problem]) }
        var written: [String] = []
        var problems: [Diagnostic] = []
        for survey in surveys {
            do {
                written.append(try write(survey, to: folder, inputs: inputs))
            } catch {
                problems += error.items
            }
        }
        return (written, problems)
    }

    /// Creates `folder` and its parents; the problem when that cannot be done.
    public static func create(_ folder: String) -> Diagnostic? {
        func problem(_ code: Int32) -> Diagnostic {
            Diagnostic(.outputCannotWrite, at: Diagnostic.Location(file: folder), ["reason": .systemError(code)])
        }
        var status = stat()
        if stat(folder, &status) == 0 {
            return status.st_mode & S_IFMT == S_IFDIR ? nil : problem(ENOTDIR)
        }
        // One level a call: a path has at most a few thousand components.
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder, create(parent) != nil { return problem(errno) }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { return problem(errno) }
        return nil
    }

    /// Writes `survey` to `folder/<stem>.xml`, in a folder that exists.
    ///
    /// - Parameter inputs: The files the import reads, which are never written.
    /// - Returns: The path written.
    /// - Throws: ``Diagnostics`` when a file wuyou import did not write is in the way, the path
    ///   is one of `inputs`, or the file cannot be written.
    public static func write(_ survey: ImportedSurvey, to folder: String, inputs: [String]) throws(Diagnostics) -> String {
        let path = path(of: survey, in: folder)
        guard mayReplace(path) else {
            throw Diagnostics(Diagnostic(.workbookOutputNotOurs, at: Diagnostic.Location(file: path)))
        }
        let ownership = OutputFile.Ownership.startingWith(SurveyXMLWriter.declaration + "\n" + SurveyXMLWriter.marker, inputs: inputs)
        try OutputFile.write(survey.bytes, to: path, ownership: ownership)
        return path
    }

    /// Whether nothing is at `path`, or a survey wuyou import wrote.
    static func mayReplace(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return errno == ENOENT }
        guard status.st_mode & S_IFMT == S_IFREG else { return false }
        let prefix = Array((SurveyXMLWriter.declaration + "\n" + SurveyXMLWriter.marker).utf8)
        guard let bytes = try? InputFile.bytes(at: path) else { return false }
        return bytes.starts(with: prefix)
    }
}
