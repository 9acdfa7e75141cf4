#include "sim/input/read_distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace kpsim::input {
namespace {

struct Read {
  explicit Read(const std::string& text) : doc(parse_yaml_text(text, "d.yaml", diag)) {
    if (doc) d = read_distribution(doc->root_value(diag));
  }
  model::Diagnostics diag;
  std::optional<YamlDocument> doc;
  std::optional<core::Distribution> d;
  std::string first_code() const { return diag.errors().empty() ? "" : diag.errors().front().code; }
};

TEST(ReadDistribution, EveryFormGivesItsKindAndParameters) {
  EXPECT_EQ(Read("12").d->kind, core::DistKind::fixed);
  EXPECT_EQ(Read("{fixed: 12}").d->a, 12);
  const auto u = *Read("{uniform: [2, 6]}").d;
  EXPECT_EQ(u.kind, core::DistKind::uniform);
  EXPECT_EQ(u.b, 6);
  const auto p = *Read("{pert: [10, 20, 40]}").d;
  EXPECT_EQ(p.kind, core::DistKind::pert);
  EXPECT_EQ(p.c, 40);
  EXPECT_EQ(Read("{triangular: [1, 2, 3]}").d->kind, core::DistKind::triangular);
  EXPECT_EQ(Read("{exponential: {mean: 5}}").d->a, 5);
}

TEST(ReadDistribution, LognormalAsPlannersStateItConvertsToLogScale) {
  // median m: mu = log m; P90: sigma = log(p90 / m) / z0.9.
  const auto d = *Read("{lognormal: {median: 20, p90: 40}}").d;
  EXPECT_EQ(d.kind, core::DistKind::lognormal);
  EXPECT_NEAR(d.a, std::log(20.0), 1e-12);
  EXPECT_NEAR(d.b, std::log(2.0) / 1.2815515655446004, 1e-9);
  const auto m = *Read("{lognormal: {mean: 10, sd: 5}}").d;
  EXPECT_NEAR(std::exp(m.a + m.b * m.b / 2), 10, 1e-9);  // the mean is kept
}

TEST(ReadDistribution, BadParametersAreLocatedErrors) {
  for (const char* text : {"{triangular: [3, 2, 1]}", "{lognormal: {median: 20, p90: 10}}", "-4", "{uniform: [1]}", "{normal: [1, 2]}"}) {
    const Read r(text);
    EXPECT_FALSE(r.d) << text;
    ASSERT_FALSE(r.diag.errors().empty()) << text;
    EXPECT_EQ(r.diag.errors().front().where.file, "d.yaml") << text;
    EXPECT_GT(r.diag.errors().front().where.line, 0) << text;
  }
}

}  // namespace
}  // namespace kpsim::input
