#include "sim/input/yaml_path.hpp"

#include <gtest/gtest.h>

namespace kpsim::input {
namespace {

TEST(YamlPath, ParsesKeysAndIndexes) {
  std::string why;
  const auto p = parse_yaml_path("policies[0].compress.to", why);
  ASSERT_TRUE(p) << why;
  ASSERT_EQ(p->size(), 4u);
  EXPECT_EQ(std::get<std::string>((*p)[0]), "policies");
  EXPECT_EQ(std::get<std::size_t>((*p)[1]), 0u);
  EXPECT_EQ(std::get<std::string>((*p)[3]), "to");
  EXPECT_EQ(format_yaml_path(*p, 4), "policies[0].compress.to");
  EXPECT_TRUE(parse_yaml_path("agencies.生态环境局.capacity", why));
}

TEST(YamlPath, RejectsMalformedPaths) {
  std::string why;
  EXPECT_FALSE(parse_yaml_path("a..b", why));
  EXPECT_FALSE(parse_yaml_path("a[x]", why));
  EXPECT_EQ(why, "expected an index such as [0] at character 2");
  EXPECT_FALSE(parse_yaml_path("a.", why));
  EXPECT_FALSE(parse_yaml_path("", why));
}

TEST(YamlPath, LooksUpValuesAndSaysWhyNot) {
  const YAML::Node doc = YAML::Load("agencies:\n  eco: {capacity: 2}\nlist: [1, 2]\n");
  std::string why;
  const auto hit = lookup_yaml_path(doc, *parse_yaml_path("agencies.eco.capacity", why));
  ASSERT_TRUE(hit.problem.empty()) << hit.problem;
  EXPECT_EQ(hit.node.as<int>(), 2);
  EXPECT_EQ(lookup_yaml_path(doc, *parse_yaml_path("agencies.ecco.capacity", why)).problem,
            "'agencies' has no key 'ecco' (did you mean 'eco'?)");
  EXPECT_EQ(lookup_yaml_path(doc, *parse_yaml_path("list[2]", why)).problem, "'list' has 2 elements: no [2]");
  EXPECT_EQ(lookup_yaml_path(doc, *parse_yaml_path("list.x", why)).problem, "'list' is not a mapping: it has no key 'x'");
}

TEST(YamlPath, FindsTheSourceTextOfScalarsAndFlowCollections) {
  const std::string text = "a: 12\nb: 'it''s'\nc: {pert: [5, 10, 20]}  # note\nd: \"x, y\"\ne:\n  - 1\n";
  const YAML::Node doc = YAML::Load(text);
  auto text_of = [&](const char* key) -> std::string {
    const auto span = source_span(text, doc[key]);
    return span ? text.substr(span->begin, span->end - span->begin) : "<none>";
  };
  EXPECT_EQ(text_of("a"), "12");
  EXPECT_EQ(text_of("b"), "'it''s'");
  EXPECT_EQ(text_of("c"), "{pert: [5, 10, 20]}");
  EXPECT_EQ(text_of("d"), "\"x, y\"");
  EXPECT_EQ(text_of("e"), "<none>");  // a block list cannot be replaced in place
}

TEST(YamlPath, TellsValueKinds) {
  const YAML::Node doc = YAML::Load("[3, 2.5, true, 2026-07-01, key_first, '3', {a: 1}, [1]]");
  const char* kinds[] = {"integer", "number", "boolean", "date", "text", "text", "mapping", "list"};
  for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(value_kind(doc[i]), kinds[i]) << i;
}

}  // namespace
}  // namespace kpsim::input
