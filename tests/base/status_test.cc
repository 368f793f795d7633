#include "base/status.h"

#include <gtest/gtest.h>

namespace pressmine {
namespace {

Result<int> ParsePositive(int x) {
  if (x <= 0) return Status::InvalidArgument("not positive: " + std::to_string(x));
  return x;
}

Result<int> Doubled(int x) {
  PM_ASSIGN_OR_RETURN(int v, ParsePositive(x));
  return 2 * v;
}

TEST(StatusTest, OkAndErrorsCarryCodeAndMessage) {
  EXPECT_TRUE(Status::Ok().ok());
  Status st = Status::NotFound("seeds/x.txt: no such file");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_EQ(st.ToString(), "not found: seeds/x.txt: no such file");
  EXPECT_EQ(st.WithContext("ingest").message(), "ingest: seeds/x.txt: no such file");
}

TEST(StatusTest, ResultPropagatesThroughAssignOrReturn) {
  EXPECT_EQ(*Doubled(21), 42);
  Result<int> bad = Doubled(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "not positive: -1");
}

}  // namespace
}  // namespace pressmine
