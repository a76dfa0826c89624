package dev.pulse.report.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds a record marked {@link ParameterObject} (a group of query parameters several endpoints
 * share) one component at a time, each exactly as the {@code @RequestParam} on it would bind as a
 * parameter of the method, in the order they are declared. Spring's own binding of an object
 * would collect field errors and skip a missing value instead; going through {@code @RequestParam}
 * keeps every refusal as it was (the same exception, parameter, catalogue code and order) and
 * keeps each default where it is written.
 */
@Configuration(proxyBeanMethods = false)
class ParameterObjects implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final RequestParamMethodArgumentResolver requestParams = new RequestParamMethodArgumentResolver(null, true);
    private final Map<Class<?>, List<MethodParameter>> components = new ConcurrentHashMap<>();

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord();
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) throws Exception {
        List<MethodParameter> params = components.computeIfAbsent(parameter.getParameterType(), ParameterObjects::components);
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = requestParams.resolveArgument(params.get(i), container, request, binders);
        }
        return BeanUtils.instantiateClass((Constructor<?>) params.getFirst().getExecutable(), values);
    }

    /** The canonical constructor's parameters: they carry the annotations written on the record's components. */
    private static List<MethodParameter> components(Class<?> record) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> canonical;
        try {
            canonical = record.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record has a canonical constructor: " + record, e);
        }
        canonical.setAccessible(true);
        return IntStream.range(0, types.length).mapToObj(i -> {
            MethodParameter component = new MethodParameter(canonical, i);
            component.initParameterNameDiscovery(NAMES);
            return component;
        }).toList();
    }
}
