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
