# Deliberately broken (a missing value before `;`): the parse-error fixture.
{
  outputs = { self }: {
    packages.aarch64-darwin.hello = ;
  };
}
