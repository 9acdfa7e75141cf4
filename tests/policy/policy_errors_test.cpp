// A policy that names something the scenario does not have is a located
// input error, reported with every other error of the pass.
#include <gtest/gtest.h>

#include "support/policy_fixture.hpp"

namespace kpsim::policy {
namespace {

std::vector<std::string> errors_of(const std::string& policies) {
  try {
    test::with_policies(policies);
  } catch (const model::InputError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.format());
    return out;
  }
  return {};
}

TEST(PolicyErrors, AnUnknownStepIsLocatedAndSuggestsTheNearest) {
  const auto e = errors_of("  - compress: {steps: [permitt], from: 10, to: 5}\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0], "policy-test.yaml:26:24: policies[0].compress.steps[0]: no template in scope has a step 'permitt' "
                  "(did you mean 'permit'?) [E-POL-011]");
}

TEST(PolicyErrors, UnknownAgencyZoneAndStageAreEachReported) {
  const auto e = errors_of(
      "  - compress: {agencies: [ecco], stages: [S3], from: 10, to: 5}\n"
      "  - regional_assessment: {zones: [parc], steps: [b]}\n");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_NE(e[0].find("policies[0].compress.stages[0]: no step in scope is in stage 'S3' (did you mean 'S1'?)"), std::string::npos) << e[0];
  EXPECT_NE(e[1].find("policies[0].compress.agencies[0]: unknown agency 'ecco' (did you mean 'eco'?)"), std::string::npos) << e[1];
  EXPECT_NE(e[2].find(":27:35: policies[1].regional_assessment.zones[0]: no project is in zone 'parc' (did you mean 'park'?)"),
            std::string::npos) << e[2];
}

TEST(PolicyErrors, ParametersAreCheckedWhenRead) {
  const auto e = errors_of(
      "  - compress: {all_approvals: true, from: 100, to: 150}\n"
      "  - overlap: {step: b, after: a, fraction: 1.5}\n"
      "  - compres: {all_approvals: true}\n");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_NE(e[0].find("policies[0].compress.to: 'to' (150) is longer than 'from'"), std::string::npos) << e[0];
  EXPECT_NE(e[1].find("policies[1].overlap.fraction: expected a fraction in (0, 1]"), std::string::npos) << e[1];
  EXPECT_NE(e[2].find("policies[2].compres: unknown key 'compres' (did you mean 'compress'?)"), std::string::npos) << e[2];
}

TEST(PolicyErrors, StructuralMismatchesAreExplained) {
  EXPECT_NE(errors_of("  - overlap: {step: c, after: a, fraction: 0.5}\n").at(0).find("'c' does not directly follow 'a'"), std::string::npos);
  EXPECT_NE(errors_of("  - commitment: {step: c, duration: 1, check_at: a, failure_probability: 0.1}\n")
                .at(0)
                .find("'a' does not come after 'c'"),
            std::string::npos);
  EXPECT_NE(errors_of("  - deemed_approval: {stages: [S1], templates: [t]}\n  - merge: {steps: [a, b], id: c}\n")
                .at(0)
                .find("already has a step 'c'"),
            std::string::npos);
}

TEST(PolicyErrors, AnOverlayFileIsCheckedLikeTheScenario) {
  test::ScratchDir dir;
  test::write_file(dir / "p.yaml", "kpsim: 1\npolicies:\n  - parallel: {steps: [a]}\n    lable: x\n");
  try {
    input::load_policy_file((dir / "p.yaml").string());
    FAIL() << "expected an input error";
  } catch (const model::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_NE(e.diagnostics()[0].format().find(":4:5: policies[0].lable: unknown key 'lable' (did you mean 'label'?)"),
              std::string::npos)
        << e.diagnostics()[0].format();
  }
}

}  // namespace
}  // namespace kpsim::policy
