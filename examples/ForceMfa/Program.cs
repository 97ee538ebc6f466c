using ForceMfa;
using PolicyAsCode;
using PolicyAsCode.Aws;

Console.WriteLine($"== iam/{Policies.Compiled.ForceMfa.Name}.json");
Console.Write(Policies.Compiled.ForceMfa.Json);
Console.WriteLine();

var alice = Request.For(Principal.User("111122223333", "alice"));
void Show(string step, Decision decision) => Console.WriteLine($"{decision,-13} {step}");

Show("alice, without MFA, registers her own virtual MFA device",
    Policies.Compiled.ForceMfa.Evaluate(alice.Action(Iam.CreateVirtualMFADevice).Resource("arn:aws:iam::111122223333:mfa/alice")));
Show("alice, without MFA, lists the MFA devices",
    Policies.Compiled.ForceMfa.Evaluate(alice.Action(Iam.ListVirtualMFADevices)));
Show("alice, without MFA, reads the password policy",
    Policies.Compiled.ForceMfa.Evaluate(alice.Action(Iam.GetAccountPasswordPolicy)));
Show("alice, with MFA, reads the password policy",
    Policies.Compiled.ForceMfa.Evaluate(alice.Action(Iam.GetAccountPasswordPolicy).With(Keys.Aws.MultiFactorAuthPresent, "true")));
Show("alice, with MFA, registers bob's MFA device",
    Policies.Compiled.ForceMfa.Evaluate(alice.Action(Iam.CreateVirtualMFADevice).Resource("arn:aws:iam::111122223333:mfa/bob").With(Keys.Aws.MultiFactorAuthPresent, "true")));
