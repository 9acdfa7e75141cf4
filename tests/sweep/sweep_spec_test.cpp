// Reading, expanding and checking a sweep before anything runs.
#include <gtest/gtest.h>

#include "sim/input/read_sweep.hpp"
#include "sim/sweep/expand.hpp"
#include "sim/sweep/variant_scenarios.hpp"
#include "support/run_kpsim.hpp"

namespace kpsim::sweep {
namespace {

struct SweepFile {
  test::ScratchDir dir;
  std::string path;
  explicit SweepFile(const std::string& body) : path((dir / "s.yaml").string()) {
    test::write_file(dir / "s.yaml", "kpsim: 1\nsweep: t\nbase: " KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml\n"
                                     "policies: [" KPSIM_SOURCE_DIR "/scenarios/policies/compress-120.yaml]\n"
                                     "replications: 20\n" + body);
  }
};

std::vector<std::string> errors_of(const std::string& body) {
  const SweepFile f(body);
  try {
    prepare_sweep(input::load_sweep(f.path));
  } catch (const model::InputError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) {
      std::string line = d.format();
      if (line.rfind(f.path, 0) == 0) line.replace(0, f.path.size(), "s.yaml");
      out.push_back(line);
    }
    return out;
  }
  return {};
}

std::vector<std::string> values_of(const Expansion& e, std::size_t v) {
  std::vector<std::string> out;
  for (const Assignment& a : e.variants[v].set) out.push_back(e.paths[a.path] + "=" + a.value.text);
  return out;
}

TEST(SweepSpec, GridTakesEveryCombinationTheFirstAxisTurningSlowest) {
  const SweepFile f("axes:\n  agencies.eco.capacity: [2, 3]\n  policies[0].compress.to: [150, 120, 90]\n");
  const Expansion e = expand(input::load_sweep(f.path));
  ASSERT_EQ(e.variants.size(), 6u);
  EXPECT_EQ(e.variants[0].id, "v001");
  EXPECT_EQ(values_of(e, 0), (std::vector<std::string>{"agencies.eco.capacity=2", "policies[0].compress.to=150"}));
  EXPECT_EQ(values_of(e, 2), (std::vector<std::string>{"agencies.eco.capacity=2", "policies[0].compress.to=90"}));
  EXPECT_EQ(values_of(e, 3), (std::vector<std::string>{"agencies.eco.capacity=3", "policies[0].compress.to=150"}));
}

TEST(SweepSpec, ZipTakesTheAxesValueByValue) {
  const SweepFile f("combine: zip\naxes:\n  agencies.eco.capacity: [2, 3]\n  policies[0].compress.to: [150, 90]\n");
  const Expansion e = expand(input::load_sweep(f.path));
  ASSERT_EQ(e.variants.size(), 2u);
  EXPECT_EQ(values_of(e, 1), (std::vector<std::string>{"agencies.eco.capacity=3", "policies[0].compress.to=90"}));
}

TEST(SweepSpec, AListNamesItsVariants) {
  const SweepFile f("combine: list\nvariants:\n  - label: 现状\n    set: {'policies[0].compress.to': 200}\n"
                    "  - label: 前置用地\n    set:\n      land.pools.quota.releases[0].mu: 900\n"
                    "      policies[0].compress.to: 120\n");
  const PreparedSweep p = prepare_sweep(input::load_sweep(f.path));
  const Expansion& e = p.expansion;
  EXPECT_EQ(e.paths, (std::vector<std::string>{"policies[0].compress.to", "land.pools.quota.releases[0].mu"}));
  EXPECT_EQ(e.variants[1].label, "前置用地");
  EXPECT_EQ(p.variant(1).scenario.land_pools[0].releases[0].mu, 900);
  EXPECT_EQ(p.variant(0).scenario.land_pools[0].releases[0].mu, 600);
  EXPECT_EQ(p.replications, 20);
  EXPECT_EQ(p.seed, 20260101u);  // the base's
}

TEST(SweepSpec, ValuesLandWhereThePathPoints) {
  EXPECT_EQ(errors_of("axes:\n  templates.industrial.steps[1].duration: [{pert: [10, 20, 40]}]\n").size(), 0u);
  const PreparedSweep p = prepare_sweep(input::load_sweep(
      SweepFile("axes:\n  agencies.eco.capacity: [4]\n  templates.industrial.steps[1].duration: [{pert: [10, 20, 40]}]\n").path));
  const model::Scenario sc = p.variant(0).scenario;
  EXPECT_EQ(sc.find_agency("eco")->capacity, 4);
  EXPECT_EQ(sc.find_template("industrial")->steps[1].duration.c, 40);
}

TEST(SweepSpec, APathThatDoesNotExistIsLocatedWithASuggestion) {
  const auto e = errors_of("axes:\n  agencies.ecco.capacity: [2, 3]\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("s.yaml:7:3: axes.agencies.ecco.capacity: agencies.ecco.capacity: no such value in"), std::string::npos) << e[0];
  EXPECT_NE(e[0].find("'agencies' has no key 'ecco' (did you mean 'eco'?) [E-SWP-010]"), std::string::npos) << e[0];
  EXPECT_NE(errors_of("axes:\n  policies[3].compress.to: [1]\n").at(0).find("the scenario and its overlays have 1 policies"),
            std::string::npos);
}

TEST(SweepSpec, AValueOfTheWrongTypeIsLocated) {
  const auto e = errors_of("axes:\n  agencies.eco.capacity: [2, 2.5, many]\n");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0], "s.yaml:7:30: axes.agencies.eco.capacity[1]: expected integer like the value at agencies.eco.capacity (2), "
                  "got number [E-SWP-012]");
  EXPECT_NE(e[1].find("s.yaml:7:35: axes.agencies.eco.capacity[2]: expected integer"), std::string::npos) << e[1];
}

TEST(SweepSpec, ABlockCollectionCannotBeSweptWhole) {
  const auto e = errors_of("axes:\n  templates.industrial.steps: [[]]\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("the value there is a block collection"), std::string::npos) << e[0];
}

// Located at the value, once, though two variants hold it (it used to be
// named per variant and located in the base scenario).
TEST(SweepSpec, AValueThatMakesTheScenarioInvalidIsReportedOnceAtTheValue) {
  const auto e = errors_of("axes:\n  agencies.eco.capacity: [2, 0]\n  agencies.ndrc.capacity: [1, 2]\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].rfind("s.yaml:7:30: axes.agencies.eco.capacity[1]: agencies.eco.capacity = 0 makes the scenario invalid: "
                       "capacity is the number of parallel reviewers",
                       0),
            0u)
      << e[0];
  EXPECT_NE(e[0].find("quickstart.yaml:33:"), std::string::npos) << e[0];
}

TEST(SweepSpec, ZipNeedsAxesOfOneLength) {
  const auto e = errors_of("combine: zip\naxes:\n  agencies.eco.capacity: [2, 3]\n  policies[0].compress.to: [1]\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("s.yaml:9:3: axes.policies[0].compress.to: 'combine: zip' pairs the axes value by value"),
            std::string::npos) << e[0];
}

}  // namespace
}  // namespace kpsim::sweep
