#include "engine/linalg.hpp"

namespace rnn {

template <typename S>
void multiply(ConstRows<S> a, Transpose ta, ConstRows<S> b, Transpose tb, Rows<S> c, Accumulate acc) {
  const bool add = acc == Accumulate::Yes;
  if (ta == Transpose::No && tb == Transpose::No) {
    if (add) c.noalias() += a * b; else c.noalias() = a * b;
  } else if (ta == Transpose::Yes && tb == Transpose::No) {
    if (add) c.noalias() += a.transpose() * b; else c.noalias() = a.transpose() * b;
  } else if (ta == Transpose::No) {
    if (add) c.noalias() += a * b.transpose(); else c.noalias() = a * b.transpose();
  } else {
    if (add) c.noalias() += a.transpose() * b.transpose(); else c.noalias() = a.transpose() * b.transpose();
  }
}

template void multiply<float>(ConstRows<float>, Transpose, ConstRows<float>, Transpose, Rows<float>, Accumulate);
template void multiply<double>(ConstRows<double>, Transpose, ConstRows<double>, Transpose, Rows<double>, Accumulate);

}  // namespace rnn
