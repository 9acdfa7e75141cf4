#include "sim/output/csv_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace kpsim::output {

TEST(CsvWriter, NeutralisesTextThatASpreadsheetWouldRun) {
  EXPECT_EQ(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_text("+1"), "'+1");
  EXPECT_EQ(csv_text("-cmd"), "'-cmd");
  EXPECT_EQ(csv_text("\t=1+1"), "'\t=1+1");          // a leading tab does not hide a formula
  EXPECT_EQ(csv_text("\r=1+1"), "\"'\r=1+1\"");     // nor a carriage return (quoted: it breaks the row)
  EXPECT_EQ(csv_text("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_text("医院"), "医院");
  EXPECT_EQ(csv_text("a,b"), "\"a,b\"");
}

TEST(CsvWriter, FormatsNumbersFixedAndNanAsEmpty) {
  EXPECT_EQ(csv_number(1.5), "1.500000");
  EXPECT_EQ(csv_number(-0.0000001), "0.000000");
  EXPECT_EQ(csv_number(std::nan("")), "");
  EXPECT_EQ(csv_number(0.1234, 2), "0.12");
}

}  // namespace kpsim::output
