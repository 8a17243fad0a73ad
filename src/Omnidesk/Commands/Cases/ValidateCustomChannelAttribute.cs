using System.Management.Automation;

namespace Omnidesk.Commands
{
    /// <summary>
    /// -Channel of New-OmnideskCase: a custom channel (cchN). Other channels have their own way to name the customer,
    /// so the error says which parameter to use instead.
    /// </summary>
    internal sealed class ValidateCustomChannelAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = (arguments as string ?? "").Trim();
            if (System.Text.RegularExpressions.Regex.IsMatch(text, "^cch[0-9]+$")) return;
            throw new ValidationMetadataException(
                $"-Channel takes only a custom channel, cch<N> such as cch101, with -UserCustomId naming the customer in it; '{text}' is not one. " +
                "For a case by e-mail use -UserEmail, or by phone -UserPhone, without -Channel.");
        }
    }
}
