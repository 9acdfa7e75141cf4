// 法定全流程时限: the total planners quote, and policies aimed at it — a
// target total (to_total) and projects chosen by kind, class and level.
#include <gtest/gtest.h>

#include "sim/model/statutory_total.hpp"
#include "support/policy_fixture.hpp"

namespace kpsim::policy {
namespace {

using test::with_policies;

const model::Template& template_of(const model::Scenario& sc, const std::string& project) {
  for (const auto& p : sc.projects)
    if (p.id == project) return *sc.find_template(p.template_id);
  throw std::logic_error("no project " + project);
}

// The fixture's chain a(10) → b(20) → c(30) → permit(5): 65, every step on it.
TEST(StatutoryTotal, IsTheSumOfLimitsAlongTheChainThatSetsTheStart) {
  const model::Scenario sc = with_policies("");
  const model::StatutoryTotal t = model::statutory_total(template_of(sc, "P"));
  EXPECT_DOUBLE_EQ(t.days, 65);
  EXPECT_EQ(t.chain, (std::vector<std::size_t>{0, 1, 2, 3}));
}

// With b and c in parallel the longer branch (c) sets it: 10 + 30 + 5.
TEST(StatutoryTotal, TakesTheLongerOfParallelBranchesAndOverlaps) {
  const model::Scenario parallel = with_policies("  - parallel: {steps: [b, c]}\n");
  const model::StatutoryTotal t = model::statutory_total(template_of(parallel, "P"));
  EXPECT_DOUBLE_EQ(t.days, 45);
  EXPECT_EQ(t.chain, (std::vector<std::size_t>{0, 2, 3}));
  // 容缺受理: c may begin when b is half done — 10 + 10 + 30 + 5.
  const model::Scenario overlap = with_policies("  - overlap: {step: c, after: b, fraction: 0.5}\n");
  EXPECT_DOUBLE_EQ(model::statutory_total(template_of(overlap, "P")).days, 55);
}

TEST(StatutoryTotal, OfAProjectLeavesOutWhatIsDone) {
  model::Scenario sc = with_policies("");
  sc.projects[0].state.done = {"b"};  // and a, before it
  EXPECT_DOUBLE_EQ(model::statutory_remaining(template_of(sc, "P"), sc.projects[0]).days, 35);
}

TEST(StatutoryTotal, TheReportsKeepTheTotalsFromBeforeThePolicies) {
  const model::Scenario sc = with_policies("  - compress: {all_approvals: true, from: 65, to: 13}\n");
  EXPECT_DOUBLE_EQ(*template_of(sc, "P").statutory_before, 65);
  EXPECT_DOUBLE_EQ(model::statutory_total(template_of(sc, "P")).days, 13);
  EXPECT_DOUBLE_EQ(*sc.projects[0].statutory_before, 65);
}

// "120 → 60" as planners mean it: whatever the steps outside the selection
// take, the selected ones are scaled until the total is the target.
TEST(CompressToTotal, ReachesTheTargetTotalExactly) {
  const model::Scenario all = with_policies("  - compress: {all_approvals: true, to_total: 39}\n");
  EXPECT_NEAR(model::statutory_total(template_of(all, "P")).days, 39, 1e-9);
  EXPECT_NEAR(core::deterministic_value(template_of(all, "P").find_step("c")->duration), 18, 1e-9);  // ×0.6
  // Only c selected: a, b and permit keep their 35, so c goes 30 → 4.
  const model::Scenario one = with_policies("  - compress: {steps: [c], to_total: 39}\n");
  EXPECT_NEAR(*template_of(one, "P").find_step("c")->limit, 4, 1e-9);
  EXPECT_NEAR(model::statutory_total(template_of(one, "P")).days, 39, 1e-9);
  ASSERT_EQ(all.policy_effects.size(), 1u);
  EXPECT_NE(all.policy_effects[0].find("statutory total 65 → 39"), std::string::npos) << all.policy_effects[0];
}

TEST(CompressToTotal, ATargetBelowWhatTheOtherStepsTakeIsAnError) {
  try {
    with_policies("  - compress: {steps: [c], to_total: 30}\n");
    FAIL() << "35 days outside the selection cannot fit in 30";
  } catch (const model::InputError& e) {
    EXPECT_EQ(e.diagnostics().at(0).code, "E-POL-028");
  }
}

TEST(CompressToTotal, SaysWhichStepsOnTheChainItLeftAlone) {
  // permit is the only S2 step: on the chain, not selected.
  const model::Scenario sc = with_policies("  - compress: {stages: [S1], to_total: 35}\n");
  EXPECT_NE(sc.policy_effects.at(0).find("on the chain, not selected: permit"), std::string::npos) << sc.policy_effects[0];
}

// P is a provincial key project (省重点), Q a normal one sharing its
// template: a policy for key projects changes P's copy of it only.
model::Scenario with_levels(const std::string& policies) {
  std::string text = test::policy_scenario(policies);
  const std::string p = "{id: P, name: P, template: t, investment: 1, zone: park}";
  text.replace(text.find(p), p.size(), "{id: P, name: P, template: t, investment: 1, zone: park, class: key, level: 省重点}");
  return policy::apply_policies(input::load_scenario_text(text, "policy-test.yaml"));
}

TEST(PolicyFilter, AimsAtProjectsByClassAndLevel) {
  for (const char* filter : {"classes: key", "levels: 省重点", "classes: [key], levels: [省重点], kinds: [government]"}) {
    const model::Scenario sc = with_levels(std::string("  - compress: {all_approvals: true, ") + filter + ", to_total: 13}\n");
    EXPECT_NE(template_of(sc, "P").id, template_of(sc, "Q").id) << filter;
    EXPECT_NEAR(model::statutory_total(template_of(sc, "P")).days, 13, 1e-9) << filter;
    EXPECT_DOUBLE_EQ(model::statutory_total(template_of(sc, "Q")).days, 65) << filter;
  }
  // Every policy kind takes the filter: 区域评估 for key projects in the park.
  const model::Scenario normal = with_levels("  - regional_assessment: {zones: [park], steps: [c], classes: normal}\n");
  EXPECT_TRUE(normal.projects[0].state.skip.empty());
}

}  // namespace
}  // namespace kpsim::policy
