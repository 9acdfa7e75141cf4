#include "sim/input/yaml_reader.hpp"

#include <gtest/gtest.h>

namespace kpsim::input {
namespace {

struct Doc {
  explicit Doc(const std::string& text) : doc(parse_yaml_text(text, "x.yaml", diag)) {}
  Value root() { return doc->root_value(diag); }
  model::Diagnostics diag;
  std::optional<YamlDocument> doc;
};

TEST(YamlReader, ValuesAreLocatedByLineColumnAndKeyPathCountingCharactersNotBytes) {
  Doc d("name: 城关区供热管网\nagencies:\n  eco: {名称: 生态环境局, capacity: x}\n");
  MapReader top(d.root(), {"name", "agencies"});
  ASSERT_TRUE(top.ok());
  MapReader agencies(*top.get("agencies"), {});
  const auto entries = agencies.entries();
  ASSERT_EQ(entries.size(), 1u);
  MapReader eco(entries[0].second, {"名称", "capacity"});
  const Value capacity = *eco.get("capacity");
  EXPECT_FALSE(capacity.integer());  // 'x' is no number: an error at its place
  ASSERT_EQ(d.diag.errors().size(), 1u);
  const model::SourceLoc& at = d.diag.errors()[0].where;
  EXPECT_EQ(at.line, 3);
  EXPECT_EQ(at.column, 30);  // "  eco: {名称: 生态环境局, capacity: " is 29 characters (not 41 bytes)
  EXPECT_EQ(at.key_path, "agencies.eco.capacity");
}

TEST(YamlReader, AnUnknownKeyIsNamedWithTheNearestKnownOne) {
  Doc d("nmae: x\n");
  MapReader top(d.root(), {"name", "start"});
  ASSERT_EQ(d.diag.errors().size(), 1u);
  EXPECT_NE(d.diag.errors()[0].message.find("did you mean 'name'"), std::string::npos) << d.diag.errors()[0].message;
  EXPECT_EQ(d.diag.errors()[0].code, "E-YAML-023");
}

TEST(YamlReader, ADuplicateKeyAndASyntaxErrorAreLocated) {
  Doc dup("a: 1\na: 2\n");
  ASSERT_TRUE(dup.doc);
  MapReader m(dup.root(), {"a"});
  ASSERT_FALSE(dup.diag.errors().empty());
  EXPECT_EQ(dup.diag.errors()[0].where.line, 2);
  Doc bad("a: {b: 1\n");
  EXPECT_FALSE(bad.doc);
  ASSERT_FALSE(bad.diag.errors().empty());
  EXPECT_GT(bad.diag.errors()[0].where.line, 0);
}

TEST(YamlReader, SeedsAndReplicationsAreCheckedAlike) {
  Doc d("seed: -3\nreplications: 0\nok: 7\n");
  MapReader m(d.root(), {"seed", "replications", "ok"});
  EXPECT_FALSE(read_seed(*m.get("seed")));
  EXPECT_FALSE(read_replications(*m.get("replications")));
  EXPECT_EQ(read_replications(*m.get("ok")), 7);
  Doc top("seed: 18446744073709551615\n");  // 2^64 − 1: any 64-bit seed, as the command line takes
  MapReader mt(top.root(), {"seed"});
  EXPECT_EQ(read_seed(*mt.get("seed")), std::optional<std::uint64_t>(18446744073709551615ull));
  EXPECT_EQ(d.diag.errors().size(), 2u);
  EXPECT_EQ(join_path("agencies", "eco"), "agencies.eco");
  EXPECT_EQ(join_path("", "eco"), "eco");
  EXPECT_EQ(index_path("projects", 3), "projects[3]");
}

TEST(YamlReader, AByteOrderMarkDoesNotShiftTheFirstLinesColumns) {
  Doc bom("\xEF\xBB\xBF" "seed: -1\nreplications: 0\n");
  MapReader m(bom.root(), {"seed", "replications"});
  EXPECT_FALSE(read_seed(*m.get("seed")));
  EXPECT_FALSE(read_replications(*m.get("replications")));
  ASSERT_EQ(bom.diag.errors().size(), 2u);
  EXPECT_EQ(bom.diag.errors()[0].where.line, 1);
  EXPECT_EQ(bom.diag.errors()[0].where.column, 7);  // "seed: " is 6 characters; the mark is none
  EXPECT_EQ(bom.diag.errors()[1].where.line, 2);
  EXPECT_EQ(bom.diag.errors()[1].where.column, 15);
}

TEST(YamlReader, ColumnsAreCharactersFarIntoALongLine) {
  // Checkpoints every 64 bytes: a value far into a line of ASCII and UTF-8.
  Doc value("k: [" + std::string(200, 'b') + ", 城关区城关区, x]\n");
  MapReader mv(value.root(), {"k"});
  const auto elements = mv.get("k")->elements();
  ASSERT_EQ(elements.size(), 3u);
  EXPECT_EQ(elements[1].loc().column, 4 + 200 + 2 + 1);
  EXPECT_EQ(elements[2].loc().column, 4 + 200 + 2 + 6 + 2 + 1);  // six characters, 18 bytes
}

TEST(YamlReader, OneDocumentPerFileMarkersAroundItAllowed) {
  for (const char* ok : {"a: 1\n", "---\na: 1\n", "%YAML 1.2\n---\na: 1\n...\n# end\n", "# c\n--- # start\na: |\n  --- text\n"}) {
    Doc d(ok);
    EXPECT_TRUE(d.doc) << ok;
  }
  for (const char* two : {"a: 1\n---\nb: 2\n", "a: 1\n...\nb: 2\n", "---\na: 1\n---\n"}) {
    Doc d(two);
    EXPECT_FALSE(d.doc) << two;
    ASSERT_FALSE(d.diag.errors().empty()) << two;
    EXPECT_EQ(d.diag.errors()[0].code, "E-YAML-005") << two;
  }
}

}  // namespace
}  // namespace kpsim::input
