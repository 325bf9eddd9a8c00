import Testing
@testable import Netral

@Suite("BitMatrix: membership by row and column")
struct BitMatrixTests {
    @Test func holdsExactlyTheBitsInserted() {
        // Columns across word boundaries (63, 64, 127, 128) and rows that share no word.
        var matrix = BitMatrix(rows: 3, columns: 130)
        let set: Set<[Int]> = [[0, 0], [0, 63], [1, 64], [1, 127], [2, 128], [2, 129]]
        for cell in set { matrix.insert(row: cell[0], column: cell[1]) }
        for row in 0..<3 {
            for column in 0..<130 {
                #expect(matrix.contains(row: row, column: column) == set.contains([row, column]), "row \(row), column \(column)")
            }
        }
    }

    @Test func anEmptyMatrixHoldsNothing() {
        let matrix = BitMatrix(rows: 2, columns: 1)
        #expect(!matrix.contains(row: 0, column: 0))
        #expect(!matrix.contains(row: 1, column: 0))
    }
}
