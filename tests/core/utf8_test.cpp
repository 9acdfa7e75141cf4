#include "sim/core/utf8.hpp"

#include <gtest/gtest.h>

namespace kpsim::core {
namespace {

TEST(Utf8, ChineseAndAsciiAreValid) {
  EXPECT_FALSE(first_invalid_utf8("项目名称,城关区供热管网改造\nG001,x\n"));
  EXPECT_FALSE(first_invalid_utf8(""));
  EXPECT_FALSE(first_invalid_utf8("\xF0\x9F\x8F\x97"));  // U+1F3D7, four bytes
}

TEST(Utf8, GbkBytesAreFoundWithTheirLineColumnAndHex) {
  // 城关 in GBK, after a UTF-8 line.
  const auto e = first_invalid_utf8("名称\nG1,\xB3\xC7\xB9\xD8\n");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->line, 2);
  EXPECT_EQ(e->column, 4);
  EXPECT_EQ(e->bytes, "B3 C7 B9 D8");
}

TEST(Utf8, OverlongFormsSurrogatesAndCutSequencesAreInvalid) {
  EXPECT_TRUE(first_invalid_utf8("\xC0\xAF"));          // '/' overlong
  EXPECT_TRUE(first_invalid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_TRUE(first_invalid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_TRUE(first_invalid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_TRUE(first_invalid_utf8("ab\xE5\x9F"));        // cut at the end
  EXPECT_EQ(first_invalid_utf8("ab\xE5\x9F")->column, 3);
}

}  // namespace
}  // namespace kpsim::core
