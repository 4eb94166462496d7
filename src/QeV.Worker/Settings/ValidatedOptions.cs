using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Settings;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> and checks it when the host starts: a value that does not
    /// convert, a key the class does not know, and every [Range]/[Required]/… attribute, each reported as one German line
    /// naming the full key (<see cref="OptionsValidationException"/>). Checks across keys stay in IValidateOptions.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section, bool rejectUnknownKeys = true)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new AnnotatedOptionsValidator<T>(section));
        return services.AddOptions<T>()
            .Configure<IConfiguration>((options, configuration) => SettingsBinder.Bind(configuration, section, options, rejectUnknownKeys))
            .ValidateOnStart();
    }
}
