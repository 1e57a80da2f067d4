import ArgumentParser
import HaVipAPI

struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every action havip serves, as a Markdown table.")

    func run() {
        print("| Product | Version | Action |")
        print("|---|---|---|")
        for action in ActionTable.all.sorted(by: { ($0.product.rawValue, $0.name) < ($1.product.rawValue, $1.name) }) {
            print("| \(action.product.rawValue) | \(action.product.version) | `\(action.name)` |")
        }
    }
}
