package vn.diemcau.point;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The complete list of a point's operators (usernames); an empty list removes them all. */
public record OperatorsRequest(@NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String> operators) {}
