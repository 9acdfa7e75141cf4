// The generated portfolio's templates and risks are the quickstart's: the
// generator keeps a copy (it writes a scenario file of its own), and this
// test keeps the copy in step with scenarios/quickstart.yaml.
#include "sim/synth/generate.hpp"

#include <gtest/gtest.h>

#include "sim/input/load_scenario.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim::synth {
namespace {

bool same(const core::Distribution& x, const core::Distribution& y) {
  return x.kind == y.kind && x.a == y.a && x.b == y.b && x.c == y.c;
}

model::Scenario generated(std::uint32_t projects) {
  test::ScratchDir dir;
  const GeneratedFiles f = generate_portfolio(projects, 3, "g-projects.csv");
  test::write_file(dir / "g-projects.csv", f.projects_csv);
  test::write_file(dir / "g.yaml", f.scenario_yaml);
  return input::load_scenario((dir / "g.yaml").string());
}

TEST(Generate, TemplatesAreTheQuickstartsStepForStep) {
  const model::Scenario quick = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const model::Scenario gen = generated(30);
  ASSERT_EQ(gen.templates.size(), quick.templates.size());
  for (const model::Template& g : gen.templates) {
    const model::Template* q = quick.find_template(g.id);
    ASSERT_NE(q, nullptr) << g.id;
    EXPECT_EQ(g.name, q->name);
    ASSERT_EQ(g.steps.size(), q->steps.size()) << g.id;
    for (std::size_t i = 0; i < g.steps.size(); ++i) {
      const model::Step &a = g.steps[i], &b = q->steps[i];
      const std::string where = g.id + "." + a.id;
      EXPECT_EQ(a.id, b.id) << where;
      EXPECT_EQ(a.name, b.name) << where;
      EXPECT_EQ(a.type, b.type) << where;
      EXPECT_EQ(a.stage, b.stage) << where;
      EXPECT_EQ(a.agency, b.agency) << where;
      EXPECT_EQ(a.after, b.after) << where;
      EXPECT_EQ(a.limit, b.limit) << where;
      EXPECT_EQ(a.share, b.share) << where;
      EXPECT_EQ(a.milestone, b.milestone) << where;
      EXPECT_TRUE(same(a.duration, b.duration)) << where;
      ASSERT_EQ(a.off_clock.size(), b.off_clock.size()) << where;
      for (std::size_t k = 0; k < a.off_clock.size(); ++k) EXPECT_TRUE(same(a.off_clock[k].duration, b.off_clock[k].duration)) << where;
    }
  }
}

TEST(Generate, RisksAreTheQuickstarts) {
  const model::Scenario quick = input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml");
  const model::Scenario gen = generated(30);
  ASSERT_EQ(gen.risks.size(), quick.risks.size());
  for (std::size_t i = 0; i < gen.risks.size(); ++i) {
    EXPECT_EQ(gen.risks[i].id, quick.risks[i].id);
    EXPECT_EQ(gen.risks[i].probability, quick.risks[i].probability) << gen.risks[i].id;
    EXPECT_EQ(gen.risks[i].effect, quick.risks[i].effect) << gen.risks[i].id;
    EXPECT_TRUE(same(gen.risks[i].amount, quick.risks[i].amount)) << gen.risks[i].id;
  }
}

TEST(Generate, TheSameSeedGivesTheSameFilesAndTheCountIsKept) {
  const GeneratedFiles a = generate_portfolio(50, 9, "x.csv"), b = generate_portfolio(50, 9, "x.csv");
  EXPECT_EQ(a.projects_csv, b.projects_csv);
  EXPECT_EQ(a.scenario_yaml, b.scenario_yaml);
  EXPECT_NE(generate_portfolio(50, 10, "x.csv").projects_csv, a.projects_csv);
  EXPECT_EQ(generated(50).projects.size(), 50u);
}

}  // namespace
}  // namespace kpsim::synth
