#include "sim/input/csv_reader.hpp"

#include <gtest/gtest.h>

namespace kpsim::input {

TEST(CsvReader, ReadsQuotedFieldsBomAndCrlf) {
  model::Diagnostics diag;
  const auto t = parse_csv("\xEF\xBB\xBFid,name\r\nP1,\"医院, 新院区\"\r\nP2,\"say \"\"hi\"\"\"\r\n", "p.csv", "t", diag);
  ASSERT_FALSE(diag.has_errors());
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0].text, "id");  // the BOM is not part of the first header
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][1].text, "医院, 新院区");
  EXPECT_EQ(t.rows[1][1].text, "say \"hi\"");
  EXPECT_EQ(t.rows[1][0].loc.line, 3);
}

// What Excel on Chinese Windows saves as "CSV": GBK. It used to be refused
// with 17 mojibake errors; it is read, with a warning to re-save it.
TEST(CsvReader, ReadsAGbkFileWithAWarning) {
  model::Diagnostics diag;
  // 编号,项目名称 / G001,城关区 in GBK bytes.
  const auto t = parse_csv("\xB1\xE0\xBA\xC5,\xCF\xEE\xC4\xBF\xC3\xFB\xB3\xC6\r\nG001,\xB3\xC7\xB9\xD8\xC7\xF8\r\n", "p.csv", "t",
                           diag);
  ASSERT_FALSE(diag.has_errors());
  ASSERT_EQ(diag.warnings().size(), 1u);
  EXPECT_EQ(diag.warnings()[0].code, "W-CSV-001");
  EXPECT_EQ(t.header[0].text, "编号");
  EXPECT_EQ(t.header[1].text, "项目名称");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][1].text, "城关区");
  EXPECT_EQ(t.rows[0][1].loc.column, 6);  // positions count characters, as in the file
}

TEST(CsvReader, ATextThatIsNeitherUtf8NorGbkIsLocated) {
  model::Diagnostics diag;
  parse_csv("\xFF\xFEi\0d\0", "p.csv", "t", diag);  // UTF-16, as Excel's "Unicode text"
  ASSERT_EQ(diag.errors().size(), 1u);
  EXPECT_EQ(diag.errors()[0].code, "E-CSV-005");
  EXPECT_NE(diag.errors()[0].message.find("UTF-16"), std::string::npos) << diag.errors()[0].message;
}

TEST(CsvReader, LocatesCellsByLineAndCharacterColumn) {
  model::Diagnostics diag;
  const auto t = parse_csv("名称,投资\n医院,12\n", "p.csv", "t", diag);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][1].loc.line, 2);
  EXPECT_EQ(t.rows[0][1].loc.column, 4);  // 医 院 , then 1
}

TEST(CsvReader, ReportsRaggedRowsAndUnterminatedQuotes) {
  model::Diagnostics diag;
  parse_csv("a,b\n1,2,3\n4,\"5\n", "p.csv", "t", diag);
  ASSERT_EQ(diag.errors().size(), 2u);
  EXPECT_EQ(diag.errors()[0].format(), "p.csv:2:1: t[0]: row has 3 cells, the header has 2 [E-CSV-003]");
  EXPECT_EQ(diag.errors()[1].code, "E-CSV-001");
  EXPECT_EQ(diag.errors()[1].where.line, 3);
}

TEST(CsvReader, SkipsBlankLinesAndTrimsCells) {
  model::Diagnostics diag;
  const auto t = parse_csv("a,b\n\n 1 , 2\n,\n", "p.csv", "t", diag);
  EXPECT_FALSE(diag.has_errors());
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][0].text, "1");
}

}  // namespace kpsim::input
