// PostGraphile 5.1 declares Node >= 22 and uses Promise.withResolvers (Node 22); this machine
// runs Node 20, so the one missing function is supplied before PostGraphile loads.
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new this((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};
