// Each policy as a graph transform (which steps and edges exist afterwards)
// and as an effect on a deterministic schedule (exact dates).
#include <gtest/gtest.h>

#include <algorithm>

#include "support/policy_fixture.hpp"

namespace kpsim::policy {
namespace {

using test::Dates;
using test::span;
using test::with_policies;
using Strings = std::vector<std::string>;

const model::Template& tmpl(const model::Scenario& sc, const std::string& project = "P") {
  for (const auto& p : sc.projects)
    if (p.id == project) return *sc.find_template(p.template_id);
  throw std::logic_error("no project " + project);
}

Strings after(const model::Scenario& sc, const std::string& step, const std::string& project = "P") {
  Strings a = tmpl(sc, project).find_step(step)->after;
  std::sort(a.begin(), a.end());
  return a;
}

Strings step_ids(const model::Scenario& sc, const std::string& project = "P") {
  Strings ids;
  for (const auto& s : tmpl(sc, project).steps) ids.push_back(s.id);
  return ids;
}

TEST(Policy, WithoutPoliciesTheChainRunsOneStepAfterAnother) {
  const Dates d = test::dates_of(with_policies(""), "P");
  const Dates expected{{"a", span(0, 10)},     {"b", span(10, 30)},     {"c", span(30, 60)},
                       {"permit", span(60, 65)}, {"earth", span(65, 75)}, {"main", span(75, 95)}};
  EXPECT_EQ(d, expected);
}

TEST(Policy, CompressScaleMultipliesClockTimeAndLimits) {
  const auto sc = with_policies("  - compress: {all_approvals: true, from: 200, to: 120}\n");
  EXPECT_DOUBLE_EQ(core::deterministic_value(tmpl(sc).find_step("c")->duration), 18);
  EXPECT_DOUBLE_EQ(*tmpl(sc).find_step("c")->limit, 18);
  EXPECT_EQ(step_ids(sc), (Strings{"a", "b", "c", "permit", "earth", "main"}));
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("a"), span(0, 6));
  EXPECT_EQ(d.at("b"), span(6, 18));
  EXPECT_EQ(d.at("c"), span(18, 36));
  EXPECT_EQ(d.at("permit"), span(36, 39));
  EXPECT_EQ(d.at("main"), span(49, 69));
}

TEST(Policy, CompressCapTruncatesAtTheNewLimit) {
  const auto sc = with_policies("  - compress: {steps: [c], from: 100, to: 50, mode: cap}\n");
  EXPECT_DOUBLE_EQ(*tmpl(sc).find_step("c")->limit, 15);
  EXPECT_DOUBLE_EQ(*tmpl(sc).find_step("c")->cap, 15);
  EXPECT_DOUBLE_EQ(core::deterministic_value(tmpl(sc).find_step("c")->duration), 30);  // the draw, before the cap
  EXPECT_EQ(test::dates_of(sc, "P").at("c"), span(30, 45));
}

TEST(Policy, CompressSelectsByStageAndByAgency) {
  const auto by_stage = with_policies("  - compress: {stages: [S2], from: 10, to: 2}\n");
  EXPECT_DOUBLE_EQ(core::deterministic_value(tmpl(by_stage).find_step("permit")->duration), 1);
  EXPECT_DOUBLE_EQ(core::deterministic_value(tmpl(by_stage).find_step("a")->duration), 10);
  const auto by_agency = with_policies("  - compress: {agencies: [plan], from: 10, to: 5}\n");
  EXPECT_DOUBLE_EQ(core::deterministic_value(tmpl(by_agency).find_step("b")->duration), 10);
  EXPECT_DOUBLE_EQ(core::deterministic_value(tmpl(by_agency).find_step("c")->duration), 30);
}

TEST(Policy, ParallelRemovesMutualPrecedenceAndKeepsWhatFollowsWaitingForAll) {
  const auto sc = with_policies("  - parallel: {steps: [a, b, c]}\n");
  EXPECT_EQ(after(sc, "a"), Strings{});
  EXPECT_EQ(after(sc, "b"), Strings{});
  EXPECT_EQ(after(sc, "c"), Strings{});
  EXPECT_EQ(after(sc, "permit"), (Strings{"a", "b", "c"}));
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("a"), span(0, 10));
  EXPECT_EQ(d.at("b"), span(0, 20));
  EXPECT_EQ(d.at("c"), span(0, 30));
  EXPECT_EQ(d.at("permit"), span(30, 35));
  EXPECT_EQ(d.at("main"), span(45, 65));
}

TEST(Policy, ParallelOfTwoInTheMiddleKeepsTheirCommonPredecessor) {
  const auto sc = with_policies("  - parallel: {steps: [b, c]}\n");
  EXPECT_EQ(after(sc, "b"), Strings{"a"});
  EXPECT_EQ(after(sc, "c"), Strings{"a"});
  EXPECT_EQ(test::dates_of(sc, "P").at("permit"), span(40, 45));
}

TEST(Policy, OverlapLetsTheSuccessorStartPartWayThrough) {
  const auto sc = with_policies("  - overlap: {step: b, after: a, fraction: 0.5}\n");
  const model::Step& b = *tmpl(sc).find_step("b");
  ASSERT_EQ(b.overlaps.size(), 1u);
  EXPECT_EQ(b.overlaps[0].step, "a");
  EXPECT_DOUBLE_EQ(b.overlaps[0].fraction, 0.5);
  EXPECT_EQ(after(sc, "b"), Strings{"a"});
  EXPECT_TRUE(sc.risks.empty());  // no rework probability, no risk
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("a"), span(0, 10));
  EXPECT_EQ(d.at("b"), span(5, 25));
  EXPECT_EQ(d.at("c"), span(25, 55));
  EXPECT_EQ(d.at("main"), span(70, 90));
}

TEST(Policy, OverlapWithReworkAddsAReworkRiskOnTheSuccessor) {
  const auto sc = with_policies("  - overlap: {step: b, after: a, fraction: 0.5, rework_probability: 1}\n");
  ASSERT_EQ(sc.risks.size(), 1u);
  EXPECT_EQ(sc.risks[0].target.step, "b");
  EXPECT_EQ(sc.risks[0].effect, model::RiskEffect::rework);
  // Certain rework: b is done twice (5–25, then 25–45).
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("b"), span(5, 45));
  EXPECT_EQ(d.at("c"), span(45, 75));
}

TEST(Policy, CommitmentReplacesTheReviewAndChecksLater) {
  const auto sc = with_policies(
      "  - commitment: {step: c, duration: 2, check_at: earth, failure_probability: 1, on_failure: rework}\n");
  EXPECT_DOUBLE_EQ(core::deterministic_value(tmpl(sc).find_step("c")->duration), 2);
  ASSERT_EQ(sc.risks.size(), 1u);
  EXPECT_EQ(sc.risks[0].target.step, "earth");
  EXPECT_EQ(sc.risks[0].effect, model::RiskEffect::delay);
  EXPECT_DOUBLE_EQ(core::deterministic_value(sc.risks[0].amount), 30);  // the review skipped
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("c"), span(30, 32));
  EXPECT_EQ(d.at("permit"), span(32, 37));
  EXPECT_EQ(d.at("earth"), span(37, 77));  // failed check: the 30-day review, then the work
}

TEST(Policy, CommitmentThatAlwaysPassesOnlyShortensTheStep) {
  const auto sc = with_policies("  - commitment: {step: c, duration: 2, check_at: main, failure_probability: 0}\n");
  EXPECT_TRUE(sc.risks.empty());
  EXPECT_EQ(test::dates_of(sc, "P").at("main"), span(47, 67));
}

TEST(Policy, MergeMakesOneStepThatCombinesItsParts) {
  const auto longest = with_policies("  - merge: {steps: [b, c], id: bc, name: 多评合一}\n");
  EXPECT_EQ(step_ids(longest), (Strings{"a", "bc", "permit", "earth", "main"}));
  EXPECT_EQ(after(longest, "bc"), Strings{"a"});
  EXPECT_EQ(after(longest, "permit"), Strings{"bc"});
  EXPECT_DOUBLE_EQ(*tmpl(longest).find_step("bc")->limit, 30);
  EXPECT_EQ(test::dates_of(longest, "P").at("bc"), span(10, 40));
  const auto sum = with_policies("  - merge: {steps: [b, c], id: bc, combine: sum}\n");
  EXPECT_EQ(test::dates_of(sum, "P").at("bc"), span(10, 60));
  const auto fixed = with_policies("  - merge: {steps: [b, c], id: bc, duration: 12, limit: 15}\n");
  EXPECT_EQ(test::dates_of(fixed, "P").at("bc"), span(10, 22));
  EXPECT_DOUBLE_EQ(*tmpl(fixed).find_step("bc")->limit, 15);
}

TEST(Policy, RegionalAssessmentSkipsTheStepsForProjectsInTheZone) {
  const auto sc = with_policies("  - regional_assessment: {zones: [park], steps: [b]}\n");
  EXPECT_EQ(sc.projects[0].state.skip, Strings{"b"});
  EXPECT_TRUE(sc.projects[1].state.skip.empty());
  const Dates p = test::dates_of(sc, "P");
  EXPECT_EQ(p.at("b"), span(10, 10));
  EXPECT_EQ(p.at("c"), span(10, 40));
  EXPECT_EQ(p.at("main"), span(55, 75));
  EXPECT_EQ(test::dates_of(sc, "Q").at("main"), span(75, 95));
}

TEST(Policy, EarlyLandLetsConstructionStartWithoutTheReleasedStep) {
  const auto sc = with_policies("  - early_land: {release: [permit]}\n");
  EXPECT_EQ(after(sc, "earth"), Strings{"c"});
  EXPECT_EQ(after(sc, "main"), (Strings{"earth", "permit"}));
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("earth"), span(60, 70));
  EXPECT_EQ(d.at("main"), span(70, 90));
}

TEST(Policy, StartOnLandWaitsForTheLandStepOnlyAndOnlyForTheSelectedKind) {
  const auto sc = with_policies("  - start_on_land: {kinds: [industrial], release: [c, permit], land: b}\n");
  // Q is industrial and gets its own copy of the template; P keeps the original.
  EXPECT_NE(tmpl(sc, "Q").id, tmpl(sc, "P").id);
  EXPECT_EQ(tmpl(sc, "Q").family, "t");
  EXPECT_EQ(after(sc, "earth", "Q"), Strings{"b"});
  EXPECT_EQ(after(sc, "main", "Q"), (Strings{"c", "earth", "permit"}));
  EXPECT_EQ(after(sc, "earth", "P"), Strings{"permit"});
  const Dates q = test::dates_of(sc, "Q");
  EXPECT_EQ(q.at("earth"), span(30, 40));
  EXPECT_EQ(q.at("main"), span(65, 85));
  EXPECT_EQ(test::dates_of(sc, "P").at("main"), span(75, 95));
}

TEST(Policy, DeemedApprovalApprovesAStepStillQueuedAtItsLimit) {
  // One environmental reviewer: Q's review waits for P's; at its 30-day
  // limit it counts as approved.
  const auto base = with_policies("", 1);
  EXPECT_EQ(test::dates_of(base, "Q", false).at("c"), span(60, 90));
  const auto sc = with_policies("  - deemed_approval: {steps: [c]}\n", 1);
  EXPECT_TRUE(tmpl(sc).find_step("c")->deemed);
  const Dates q = test::dates_of(sc, "Q", false);
  EXPECT_EQ(q.at("c"), span(60, 60));
  EXPECT_EQ(q.at("permit"), span(60, 65));
  EXPECT_EQ(test::dates_of(sc, "P", false).at("c"), span(30, 60));
}

TEST(Policy, PhasedPermitLetsEarthworksStartOnAPartialPermit) {
  const auto sc = with_policies("  - phased_permit: {permit: permit, partial: partial_permit, duration: 2, early: [earth]}\n");
  EXPECT_EQ(step_ids(sc), (Strings{"a", "b", "c", "partial_permit", "permit", "earth", "main"}));
  EXPECT_EQ(after(sc, "partial_permit"), Strings{"c"});
  EXPECT_EQ(after(sc, "earth"), Strings{"partial_permit"});
  EXPECT_EQ(after(sc, "main"), (Strings{"earth", "permit"}));
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("partial_permit"), span(60, 62));
  EXPECT_EQ(d.at("earth"), span(62, 72));
  EXPECT_EQ(d.at("main"), span(72, 92));
}

TEST(Policy, PoliciesComposeInOrder) {
  // Merge b and c, then run the merged step beside a.
  const auto sc = with_policies("  - merge: {steps: [b, c], id: bc}\n  - parallel: {steps: [a, bc]}\n");
  EXPECT_EQ(after(sc, "bc"), Strings{});
  EXPECT_EQ(after(sc, "permit"), (Strings{"a", "bc"}));
  EXPECT_EQ(test::dates_of(sc, "P").at("permit"), span(30, 35));
  EXPECT_EQ(sc.applied_policies, (Strings{"merge", "parallel"}));
}

TEST(Policy, WorkDoneBeforeTheStartStaysDoneWhenPrecedenceChanges) {
  // P has finished c (and so a and b); running a, b, c in parallel must not
  // make it redo a or b.
  std::string yaml = test::policy_scenario("  - parallel: {steps: [a, b, c]}\n");
  const std::string from = "{id: P, name: P, template: t, investment: 1, zone: park}";
  yaml.replace(yaml.find(from), from.size(), "{id: P, name: P, template: t, investment: 1, state: {done: [c]}}");
  const auto sc = apply_policies(input::load_scenario_text(yaml, "t.yaml"));
  const Dates d = test::dates_of(sc, "P");
  EXPECT_EQ(d.at("a"), span(0, 0));
  EXPECT_EQ(d.at("b"), span(0, 0));
  EXPECT_EQ(d.at("permit"), span(0, 5));
}

}  // namespace
}  // namespace kpsim::policy
