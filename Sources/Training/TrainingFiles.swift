import Foundation
import Workbook

/// What `workbook train` writes: the losses, the trained model, each whole or
/// not at all (an existing file is replaced only by a complete new one).
public enum TrainingFiles {
    /// `{"losses": [0.6931471805599453, …], "held_out_losses": [0.70…, …]}`: each
    /// loss as the shortest decimal that reads back as the same double, so nothing
    /// is lost on the way to a plot or a comparison. The second key is there only
    /// when held-out losses were measured. A held-out loss that is not finite
    /// (possible only for a network whose output is not a sigmoid) is written `null`.
    public static func lossesJSON(_ losses: [Double], heldOut: [Double] = []) -> String {
        func array(_ values: [Double]) -> String {
            "[\n" + values.map { "  " + ($0.isFinite ? "\($0)" : "null") }.joined(separator: ",\n") + "\n]"
        }
        return "{\"losses\": " + array(losses)
            + (heldOut.isEmpty ? "" : ",\n\"held_out_losses\": " + array(heldOut)) + "}\n"
    }

    public static func writeLosses(_ losses: [Double], heldOut: [Double] = [], to path: String) throws {
        try write(Data(lossesJSON(losses, heldOut: heldOut).utf8), to: path, option: "--losses")
    }

    /// The model file of DESIGN.md, which `--model` reads back.
    public static func writeModel(_ network: FastPerceptron, standardization: Standardization?,
                                  columns: DataColumns? = nil, to path: String) throws {
        try write(try ModelFile(network, standardization: standardization, columns: columns).jsonData(), to: path, option: "--save")
    }

    /// Writes atomically; a failure becomes one line naming the option and the file.
    public static func write(_ data: Data, to path: String, option: String) throws {
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw CannotWrite(description: "\(option) \(path): cannot write the file (\(error.localizedDescription))")
        }
    }

    /// Refuses an output path that names a folder, before any training time is spent.
    public static func checkWritable(_ path: String?, option: String) throws {
        guard let path else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw TrainingInputError("\(option) \(path) is a folder; give the name of a file to write")
        }
    }

    /// Refuses a report folder that is an existing file.
    public static func checkFolder(_ path: String?, option: String) throws {
        guard let path else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw TrainingInputError("\(option) \(path) is a file; give the name of a folder to write the report into")
        }
    }
}
